namespace ConnectUi.Branding;

/// <summary>What the pages draw: product name, logo and the primary colour of each theme (already checked for contrast).</summary>
public sealed record Brand(string ProductName, string LogoUrl, BrandColor Primary, BrandColor PrimaryDark)
{
    public static Brand Default { get; } = new("ConnectUi", "favicon.svg", new BrandColor(0x1f, 0x5f, 0xbf), new BrandColor(0x8a, 0xb4, 0xf8));

    /// <summary>True when the logo is the product's own (ConnectUi's), not a host's.</summary>
    public bool HasDefaultLogo => LogoUrl == Default.LogoUrl;

    /// <summary>The installation's brand; call only with options that passed <see cref="BrandRules"/>.</summary>
    public static Brand From(BrandingOptions options) => Default.With(
        new SessionBranding(options.ProductName, options.Logo, options.PrimaryColor, options.PrimaryColorDark));

    /// <summary>This brand with the parts a session gives; call only with values that passed <see cref="BrandRules"/>.</summary>
    public Brand With(SessionBranding? branding) => branding is null ? this : new Brand(
        string.IsNullOrWhiteSpace(branding.ProductName) ? ProductName : branding.ProductName.Trim(),
        branding.Logo is { Length: > 0 } logo ? logo : LogoUrl,
        BrandColor.TryParse(branding.PrimaryColor, out var light) ? light : Primary,
        BrandColor.TryParse(branding.PrimaryColorDark, out var dark) ? dark : PrimaryDark);
}
