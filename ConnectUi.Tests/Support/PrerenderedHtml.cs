using System.Text.RegularExpressions;

namespace ConnectUi.Tests.Support;

/// <summary>What a page's prerendered HTML says about the circuit it will open.</summary>
public static partial class PrerenderedHtml
{
    /// <summary>The start marker of a prerendered interactive server component: it carries a protected descriptor for the circuit.</summary>
    [GeneratedRegex("<!--Blazor:\\{[^>]*\"descriptor\"")]
    public static partial Regex ServerComponentMarker();
}
