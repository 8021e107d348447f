using ConnectUi.Branding;
using MudBlazor;

namespace ConnectUi.Components.Layout;

/// <summary>The app's MudBlazor theme: system fonts (nothing loads from outside), accessible contrast, the brand's primary colours.</summary>
public static class ConnectUiTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>ConnectUi's own theme, without a host's brand.</summary>
    public static MudTheme Theme { get; } = For(Brand.Default);

    /// <summary>The theme in a brand's primary colours, with the text colour drawn on each; rendered to CSS once per brand (<see cref="ThemeStylesheet"/>).</summary>
    public static MudTheme For(Brand brand) => For(brand.Primary, brand.PrimaryDark);

    public static MudTheme For(BrandColor primary, BrandColor primaryDark) => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = primary.ToString(),
            PrimaryContrastText = primary.TextOn.ToString(),
            Secondary = "#5b4bb7",
            AppbarBackground = "#ffffff",
            Background = "#f6f7fb",
            TextSecondary = "rgba(0,0,0,0.68)",
            Info = "#0b63b6",
            Success = "#2e7d32",
            Warning = "#a65f00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = primaryDark.ToString(),
            PrimaryContrastText = primaryDark.TextOn.ToString(),
            Secondary = "#b5a8ff",
            SecondaryContrastText = "#1a1233",
            Background = "#15171c",
            Surface = "#1e2128",
            AppbarBackground = "#1e2128",
            TextSecondary = "rgba(255,255,255,0.72)",
            TextPrimary = "rgba(255,255,255,0.87)",
            Info = "#7cc4ff",
            Success = "#81c995",
            Warning = "#fdd663",
            Error = "#f28b82",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts },
            H2 = new H2Typography { FontFamily = SystemFonts },
            H3 = new H3Typography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = SystemFonts },
            Body2 = new Body2Typography { FontFamily = SystemFonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Caption = new CaptionTypography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
    };
}
