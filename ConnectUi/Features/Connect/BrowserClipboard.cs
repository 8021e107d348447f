using ConnectUi.Circuits;
using ConnectUi.Journeys;
using ConnectUi.MudMarkup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ConnectUi.Features.Connect;

/// <summary>The browser's clipboard, through the copy buttons' script; one per circuit.</summary>
public sealed class BrowserClipboard(IJSRuntime js, ISnackbar snackbar, IStringLocalizer<ConnectStrings> loc) : IClipboard, IAsyncDisposable
{
    private readonly ScriptModule _module = new(js, "./Features/Connect/CopyButton.razor.js");

    public async Task<bool> CopyAsync(string value, VisitJourney? journey)
    {
        var copied = await _module.InvokeAsync<bool>("copyText", value);
        if (copied)
        {
            journey?.Copied(value);
            snackbar.Add(loc[nameof(ConnectStrings.Copied), value], Severity.Success);
        }
        else
        {
            snackbar.Add(loc[nameof(ConnectStrings.CopyRefused)], Severity.Warning);
        }

        return copied;
    }

    /// <summary>
    /// A copy button's markup, as part of the render tree of the component that shows the value: the guide's several copy
    /// buttons need no component instances of their own, which a circuit would keep with two render trees each. MudTooltip's
    /// look without its components and popover script: the tip shows on hover and keyboard focus by CSS (app.css). It is not
    /// announced: the button's own label says the same.
    /// </summary>
    /// <param name="label">The button's accessible name, repeated by its tip.</param>
    /// <param name="copied">Shows a check mark instead of the copy icon once the value was copied.</param>
    /// <param name="onCopy">Copies the value; created by the component that owns the button, so it renders again after.</param>
    public static RenderFragment Button(string label, bool copied, EventCallback onCopy) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "copy-button");
        builder.OpenElement(2, "button");
        builder.AddAttribute(3, "type", "button");
        builder.AddAttribute(4, "class", ButtonClasses.SmallIcon);
        builder.AddAttribute(5, "aria-label", label);
        builder.AddAttribute(6, "data-testid", "copy-button");
        builder.AddAttribute(7, "onclick", onCopy);
        builder.AddEventStopPropagationAttribute(8, "onclick", true);
        builder.OpenElement(9, "span");
        builder.AddAttribute(10, "class", "mud-icon-button-label");
        builder.AddContent(11, SvgIcon.Decorative(copied ? Icons.Material.Filled.Check : Icons.Material.Outlined.ContentCopy, "mud-icon-size-small"));
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(12, "span");
        builder.AddAttribute(13, "class", "copy-button__tip mud-tooltip mud-tooltip-default");
        builder.AddAttribute(14, "aria-hidden", "true");
        builder.AddAttribute(15, "data-testid", "copy-tooltip");
        builder.AddContent(16, label);
        builder.CloseElement();
        builder.CloseElement();
    };

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
