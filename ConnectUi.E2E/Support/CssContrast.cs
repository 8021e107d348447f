using System.Globalization;
using System.Text.RegularExpressions;

namespace ConnectUi.E2E.Support;

/// <summary>WCAG contrast of two CSS colours as the browser reports them (<c>rgb(...)</c> / <c>rgba(...)</c>).</summary>
public static partial class CssContrast
{
    /// <summary>The contrast ratio of a foreground over an opaque background; a translucent foreground is blended first.</summary>
    public static double Ratio(string foreground, string background)
    {
        var (br, bg, bb, _) = Parse(background);
        var (fr, fg, fb, alpha) = Parse(foreground);
        var (r, g, b) = (Blend(fr, br, alpha), Blend(fg, bg, alpha), Blend(fb, bb, alpha));
        var l1 = Luminance(r, g, b);
        var l2 = Luminance(br, bg, bb);
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Blend(double top, double bottom, double alpha) => (top * alpha) + (bottom * (1 - alpha));

    private static (double R, double G, double B, double A) Parse(string css)
    {
        var parts = Numbers().Matches(css).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : 1);
    }

    private static double Luminance(double r, double g, double b) =>
        (0.2126 * Channel(r)) + (0.7152 * Channel(g)) + (0.0722 * Channel(b));

    private static double Channel(double value)
    {
        var c = value / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"[\d.]+")]
    private static partial Regex Numbers();
}
