using Microsoft.AspNetCore.Components;

namespace ConnectUi.MudMarkup;

/// <summary>
/// The markup MudIcon renders for a decorative SVG icon, as part of the parent's render tree: an icon that never changes
/// needs no component instance of its own, which a circuit would keep with two render trees for as long as the page is open.
/// </summary>
public static class SvgIcon
{
    /// <param name="icon">An <c>Icons.Material</c> value (SVG path markup).</param>
    /// <param name="classes">Size and spacing classes, as MudIcon writes them (<c>mud-icon-size-small mr-1</c>).</param>
    public static RenderFragment Decorative(string icon, string classes) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "role", "img");
        builder.AddAttribute(5, "aria-hidden", "true");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    /// <summary>The same icon as HTML, for markup written once and shared (see <c>GuideMarkup</c>).</summary>
    public static string DecorativeMarkup(string icon, string classes) =>
        $"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-hidden=\"true\">{icon}</svg>";
}
