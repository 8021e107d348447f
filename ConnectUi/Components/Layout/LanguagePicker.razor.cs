using System.Text.Json;
using ConnectUi.Circuits;
using ConnectUi.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ConnectUi.Components.Layout;

/// <summary>The language menu of every page: switches the circuit's culture in place and remembers the pick in the culture cookie.</summary>
public sealed partial class LanguagePicker
{
    private ElementReference _details;
    private ScriptModule? _module;
    private string? _documentLanguage;
    private string? _picked;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IStringLocalizer<LayoutStrings> Loc { get; init; }

    // The circuit's culture rather than the thread's: after-render callbacks may run in a flow started before a switch.
    private string CurrentName => SupportedCultures.Find(CircuitCulture.Current.Name) ?? SupportedCultures.Default;

    /// <summary>The <c>lang</c> of the page: the circuit's culture as is (a culture only tests add has no menu entry).</summary>
    private string DocumentLanguage => CircuitCulture.Current.Name;

    private string CurrentNativeName => SupportedCultures.All.First(c => c.Name == CurrentName).NativeName;

    private bool IsCurrent(SupportedCulture culture) => culture.Name == CurrentName;

    private string SwitchHref(SupportedCulture culture) =>
        $"culture/{Uri.EscapeDataString(culture.Name)}?returnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";

    // Synchronous on purpose: the culture set here stays current for the render that follows this event.
    private void Pick(string name)
    {
        if (CircuitCulture.TrySet(name))
        {
            _picked = name;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // On the first render too: the page may have been served in another language than the circuit speaks (a
        // session's locale is applied once the circuit has read the session).
        if (!firstRender && _documentLanguage == DocumentLanguage && _picked is null)
        {
            return;
        }

        _module ??= new ScriptModule(JS, "./Components/Layout/LanguagePicker.razor.js");
        _documentLanguage = DocumentLanguage;
        await _module.InvokeVoidAsync("showLanguage", DocumentLanguage, _details, JsonSerializer.Serialize(ReconnectTexts()));
        if (_picked is { } picked)
        {
            _picked = null;
            await _module.InvokeVoidAsync("rememberLanguage", picked);
        }
    }

    /// <summary>
    /// The reconnect dialog is rendered once with the page, outside the circuit; the script swaps its texts. They go as
    /// JSON text written with the process-wide options: a dictionary argument would make System.Text.Json build metadata
    /// for it and its eight interfaces in every circuit (each circuit's JS runtime has options of its own).
    /// </summary>
    private Dictionary<string, string> ReconnectTexts() => new()
    {
        ["first-attempt"] = Loc[nameof(LayoutStrings.ReconnectFirstAttempt)],
        ["repeated-attempt-before"] = ReconnectModal.Before(Loc[nameof(LayoutStrings.ReconnectRepeatedAttempt)]),
        ["repeated-attempt-after"] = ReconnectModal.After(Loc[nameof(LayoutStrings.ReconnectRepeatedAttempt)]),
        ["failed"] = Loc[nameof(LayoutStrings.ReconnectFailed)],
        ["retry"] = Loc[nameof(LayoutStrings.ReconnectRetry)],
        ["paused"] = Loc[nameof(LayoutStrings.ReconnectPaused)],
        ["resume-failed"] = Loc[nameof(LayoutStrings.ReconnectResumeFailed)],
        ["resume"] = Loc[nameof(LayoutStrings.ReconnectResume)],
    };

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }
    }
}
