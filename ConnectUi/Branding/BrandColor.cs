using System.Globalization;

namespace ConnectUi.Branding;

/// <summary>An opaque sRGB colour written as <c>#rgb</c> or <c>#rrggbb</c>, with the WCAG contrast arithmetic a brand check needs.</summary>
public readonly record struct BrandColor(byte R, byte G, byte B)
{
    public static BrandColor White { get; } = new(0xff, 0xff, 0xff);

    /// <summary>The dark text drawn on light brand colours.</summary>
    public static BrandColor Ink { get; } = new(0x0b, 0x1a, 0x2e);

    public static bool TryParse(string? text, out BrandColor color)
    {
        color = default;
        if (text is not { Length: 4 or 7 } || text[0] != '#' || !text.Skip(1).All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var hex = text.Length == 4 ? string.Concat(text[1], text[1], text[2], text[2], text[3], text[3]) : text[1..];
        var value = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        color = new BrandColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>WCAG 2 relative luminance.</summary>
    public double Luminance => (0.2126 * Channel(R)) + (0.7152 * Channel(G)) + (0.0722 * Channel(B));

    /// <summary>WCAG 2 contrast ratio, from 1 to 21.</summary>
    public double ContrastWith(BrandColor other)
    {
        var (light, dark) = Luminance > other.Luminance ? (Luminance, other.Luminance) : (other.Luminance, Luminance);
        return (light + 0.05) / (dark + 0.05);
    }

    /// <summary>The text colour drawn on this colour (buttons, step numbers): white or dark ink, whichever reads better.</summary>
    public BrandColor TextOn => ContrastWith(White) >= ContrastWith(Ink) ? White : Ink;

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";

    private static double Channel(byte value)
    {
        var c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
