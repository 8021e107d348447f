using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace ConnectUi.Branding;

/// <summary>
/// The checks every brand passes, from configuration (at start) or from a host's session request: a short product name,
/// a logo that is a shipped file or a small inline image (nothing is fetched from elsewhere), and primary colours that
/// keep 4.5:1 contrast with the text drawn on them and with the page they are drawn on.
/// </summary>
public static partial class BrandRules
{
    public const int MaxProductNameLength = 60;

    /// <summary>Largest decoded inline logo. A host API request body is 16 KB by default, so inline logos stay small.</summary>
    public const int MaxLogoBytes = 10 * 1024;

    public const double MinimumContrast = 4.5;

    // The theme's surfaces (ConnectUiTheme): the primary colour is drawn as text (links, outlined buttons) on them.
    public static readonly BrandColor[] LightSurfaces = [BrandColor.White, new(0xf6, 0xf7, 0xfb)];
    public static readonly BrandColor[] DarkSurfaces = [new(0x1e, 0x21, 0x28), new(0x15, 0x17, 0x1c)];

    private static readonly string[] LogoTypes = ["image/svg+xml", "image/png", "image/webp"];

    public static string? CheckProductName(string? name, string key) => name switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(name) => $"{key} must not be empty.",
        _ when name.Trim().Length > MaxProductNameLength => $"{key} must be at most {MaxProductNameLength} characters.",
        _ when name.Any(char.IsControl) => $"{key} must not contain control characters.",
        _ => null,
    };

    /// <param name="webRoot">Where shipped files are; null when only inline (data URL) logos are acceptable.</param>
    public static string? CheckLogo(string? logo, string key, IFileProvider? webRoot)
    {
        if (logo is null)
        {
            return null;
        }

        if (logo.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var match = DataUrl().Match(logo);
            if (!match.Success || !LogoTypes.Contains(match.Groups["type"].Value, StringComparer.OrdinalIgnoreCase))
            {
                return $"{key} must be a base64 data URL of an SVG, PNG or WebP image (data:image/png;base64,...).";
            }

            var payload = match.Groups["data"].Value;
            var buffer = new byte[(payload.Length * 3 / 4) + 3];
            if (!Convert.TryFromBase64String(payload, buffer, out var length))
            {
                return $"{key} is not valid base64.";
            }

            return length > MaxLogoBytes ? $"{key} must be at most {MaxLogoBytes / 1024} KB." : null;
        }

        if (webRoot is null)
        {
            return $"{key} must be a data URL (data:image/svg+xml;base64,...): nothing is fetched from another address.";
        }

        if (!ShippedPath().IsMatch(logo) || logo.Split('/').Any(segment => segment is "." or ".."))
        {
            return $"{key} must be a data URL or the path of an image shipped in wwwroot (for example branding/logo.svg); remote addresses are never fetched.";
        }

        return webRoot.GetFileInfo(logo).Exists ? null : $"{key}: no file '{logo}' is shipped in wwwroot.";
    }

    public static string? CheckPrimaryColor(string? color, string key, bool dark)
    {
        if (color is null)
        {
            return null;
        }

        if (!BrandColor.TryParse(color, out var primary))
        {
            return $"{key} must be a colour written #rrggbb.";
        }

        var text = primary.TextOn;
        var onPrimary = primary.ContrastWith(text);
        if (onPrimary < MinimumContrast)
        {
            return $"{key} {color} gives {onPrimary:0.00}:1 with the text drawn on it ({text}); at least {MinimumContrast}:1 is needed.";
        }

        foreach (var surface in dark ? DarkSurfaces : LightSurfaces)
        {
            var onSurface = primary.ContrastWith(surface);
            if (onSurface < MinimumContrast)
            {
                return $"{key} {color} gives {onSurface:0.00}:1 as link and button text on the {(dark ? "dark" : "light")} page ({surface}); at least {MinimumContrast}:1 is needed.";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^data:(?<type>image/[a-z0-9.+-]+);base64,(?<data>[A-Za-z0-9+/]+={0,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex DataUrl();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_./-]*\.(svg|png|webp)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShippedPath();
}
