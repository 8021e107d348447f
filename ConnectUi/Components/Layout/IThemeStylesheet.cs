using ConnectUi.Branding;

namespace ConnectUi.Components.Layout;

/// <summary>The addresses of the theme's cached stylesheets, as the page shell links them.</summary>
public interface IThemeStylesheet
{
    /// <summary>The stylesheet's address; it changes with its content.</summary>
    string Path { get; }

    /// <summary>The address of the stylesheet of a brand's primary colours, or null when they are the installation's.</summary>
    string? PrimaryStylesheetPath(Brand brand);
}
