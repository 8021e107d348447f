using ConnectUi.Providers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.Connect;

/// <summary>
/// One credential input. It validates after the person first leaves the field, then as they type;
/// pasted values are normalized at once (trimmed; a pasted URL reduced to its hostname, with a note).
/// </summary>
public sealed partial class CredentialInput
{
    private EditContext? _subscribedContext;
    private bool _touched;
    private bool _revealed;
    private string? _note;
    private string? _noteValue;

    [Inject]
    public required IStringLocalizer<ConnectStrings> Loc { get; init; }

    /// <summary>The form's edit context: the field's value, its messages and its changes.</summary>
    [Parameter, EditorRequired]
    public required EditContext EditContext { get; set; }

    [Parameter, EditorRequired]
    public required CredentialField Field { get; set; }

    /// <summary>Read-only while the provider is being asked: still focusable, so the keyboard focus stays put.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised with the field's guide step anchor when the person asks where to find the value.</summary>
    [Parameter]
    public EventCallback<string> OnGuideStepRequested { get; set; }

    public static string InputId(CredentialField field) => $"field-{field.Name}";

    public static string ErrorId(CredentialField field) => $"field-{field.Name}-error";

    private CredentialModel Model => (CredentialModel)EditContext.Model;

    private FieldIdentifier Identifier => EditContext.Field(Field.Name);

    private string SuggestionsId => $"field-{Field.Name}-suggestions";

    /// <summary>The field's validation messages as one text; null when it has none.</summary>
    private string? ErrorText => EditContext.GetValidationMessages(Identifier).ToArray() is { Length: > 0 } messages
        ? string.Join(" ", messages)
        : null;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_subscribedContext, EditContext))
        {
            if (_subscribedContext is not null)
            {
                _subscribedContext.OnValidationStateChanged -= OnValidationStateChanged;
            }

            EditContext.OnValidationStateChanged += OnValidationStateChanged;
            _subscribedContext = EditContext;
        }
    }

    private string Label => Field.Label();

    private string Placeholder => Field.Placeholder();

    private string HelperId => $"field-{Field.Name}-helper-text";

    // MudBlazor's classes for an outlined, required text field; the label sits up (mud-shrink) once there is a placeholder.
    private string ControlClass(string? error) =>
        $"mud-input-control mud-input-required{ErrorClass(error)} mud-input-outlined-with-label mud-input-input-control mud-input-sizing-fixed{(Field.IsMasked ? " credential-field__masked" : null)}";

    private string InputClass(string? error) =>
        $"mud-input mud-input-outlined mud-input-outlined-with-label{(Placeholder.Length > 0 || Model[Field.Name].Length > 0 ? " mud-shrink" : null)}{ErrorClass(error)} mud-typography-subtitle1 mud-input-sizing-fixed";

    private static string LabelClass(string? error) =>
        $"mud-input-label mud-input-label-animated mud-input-label-outlined{ErrorClass(error)} mud-input-label-inputcontrol";

    private static string? ErrorClass(string? error) => error is null ? null : " mud-input-error";

    private void OnValueChanged(string? value)
    {
        var previous = Model[Field.Name];
        var raw = value ?? string.Empty;

        // A jump of more than one character is a paste or autofill: clean it up at once.
        var isBulkChange = Math.Abs(raw.Length - previous.Length) > 1;
        if (isBulkChange)
        {
            ApplyNormalized(raw);
        }
        else
        {
            Model[Field.Name] = raw;
        }

        if (_touched || isBulkChange)
        {
            _touched = true;
            EditContext.NotifyFieldChanged(Identifier);
        }
    }

    private void OnBlur()
    {
        ApplyNormalized(Model[Field.Name]);
        _touched = true;
        EditContext.NotifyFieldChanged(Identifier);
    }

    private void ApplyNormalized(string raw)
    {
        var normalized = Field.Normalize(raw);
        Model[Field.Name] = normalized.Value;
        if (normalized.Note is not null)
        {
            _note = normalized.Note;
            _noteValue = normalized.Value;
        }
    }

    /// <summary>The normalization note, shown while the field still holds the value it explains.</summary>
    private string? CurrentNote => _note is not null && Model[Field.Name] == _noteValue ? _note : null;

    private void ToggleReveal() => _revealed = !_revealed;

    /// <summary>The page's journey for the support console; absent in isolation.</summary>
    [Parameter]
    public Journeys.VisitJourney? Journey { get; set; }

    private Task ShowGuideStep()
    {
        Journey?.FindValueFollowed(Field.Name, Field.GuideStepAnchor);
        return OnGuideStepRequested.InvokeAsync(Field.GuideStepAnchor);
    }

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e)
    {
        StateHasChanged();
    }

    public void Dispose()
    {
        if (_subscribedContext is not null)
        {
            _subscribedContext.OnValidationStateChanged -= OnValidationStateChanged;
        }
    }
}
