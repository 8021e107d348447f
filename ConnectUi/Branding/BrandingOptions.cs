namespace ConnectUi.Branding;

/// <summary>The installation's brand, bound from <c>ConnectUi:Branding</c>; a host's session may override each part.</summary>
public sealed class BrandingOptions
{
    public const string Section = "ConnectUi:Branding";

    /// <summary>Shown in the app bar and at the end of every page title.</summary>
    public string ProductName { get; set; } = Brand.Default.ProductName;

    /// <summary>An app-relative path of an image shipped in <c>wwwroot</c>, or a <c>data:image/...;base64,</c> URL. Never fetched from elsewhere.</summary>
    public string? Logo { get; set; }

    /// <summary>The primary colour of the light theme, <c>#rrggbb</c>.</summary>
    public string? PrimaryColor { get; set; }

    /// <summary>The primary colour of the dark theme, <c>#rrggbb</c>.</summary>
    public string? PrimaryColorDark { get; set; }
}

/// <summary>The brand a host passes for one connect session; each part left out keeps the installation's.</summary>
public sealed record SessionBranding(string? ProductName = null, string? Logo = null, string? PrimaryColor = null, string? PrimaryColorDark = null)
{
    public bool IsEmpty => ProductName is null && Logo is null && PrimaryColor is null && PrimaryColorDark is null;
}
