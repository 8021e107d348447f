using MudBlazor;

namespace ConnectUi.MudMarkup;

/// <summary>
/// The classes MudButton and MudIconButton write, for buttons rendered as plain elements: a button that is only markup and
/// a click handler needs no component instance of its own, which a circuit would keep for as long as the page is open.
/// </summary>
public static class ButtonClasses
{
    public const string Icon = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon";

    public const string SmallIcon = Icon + " mud-icon-button-size-small";

    /// <summary>A primary-coloured text button, filled or outlined.</summary>
    public static string Primary(Variant variant, Size size)
    {
        var kind = variant == Variant.Filled ? "filled" : "outlined";
        var sizeName = size.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{kind} mud-button-{kind}-primary mud-button-{kind}-size-{sizeName} mud-ripple";
    }
}
