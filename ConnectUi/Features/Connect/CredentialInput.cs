using ConnectUi.Providers;
using Microsoft.AspNetCore.Components.Forms;

namespace ConnectUi.Features.Connect;

/// <summary>
/// What one credential input knows and does. It validates after the person first leaves the field, then as they type;
/// pasted values are normalized at once (trimmed; a pasted URL reduced to its hostname, with a note).
/// </summary>
/// <remarks>
/// Not a component: the form writes each input's markup itself (<c>CredentialForm.razor</c>). A component per field
/// would be kept, with its render trees, in every circuit for as long as the page is open.
/// </remarks>
public sealed class CredentialInput(CredentialField definition, EditContext editContext)
{
    private bool _touched;
    private string? _note;
    private string? _noteValue;

    public CredentialField Field => definition;

    /// <summary>Whether a masked value is shown as typed.</summary>
    public bool Revealed { get; private set; }

    public static string InputId(CredentialField field) => $"field-{field.Name}";

    public static string ErrorId(CredentialField field) => $"field-{field.Name}-error";

    public string Id => InputId(definition);

    public string HelperId => $"field-{definition.Name}-helper-text";

    public string SuggestionsId => $"field-{definition.Name}-suggestions";

    public string Value => Model[definition.Name];

    public string Label => definition.Label();

    public string Placeholder => definition.Placeholder();

    /// <summary>The field's validation messages as one text; null when it has none.</summary>
    public string? ErrorText => editContext.GetValidationMessages(Identifier).ToArray() is { Length: > 0 } messages
        ? string.Join(" ", messages)
        : null;

    /// <summary>The normalization note, shown while the field still holds the value it explains.</summary>
    public string? CurrentNote => _note is not null && Value == _noteValue ? _note : null;

    // MudBlazor's classes for an outlined, required text field; the label sits up (mud-shrink) once there is a placeholder.
    public string ControlClass(string? error) =>
        $"mud-input-control mud-input-required{ErrorClass(error)} mud-input-outlined-with-label mud-input-input-control mud-input-sizing-fixed{(definition.IsMasked ? " credential-field__masked" : null)}";

    public string InputClass(string? error) =>
        $"mud-input mud-input-outlined mud-input-outlined-with-label{(Placeholder.Length > 0 || Value.Length > 0 ? " mud-shrink" : null)}{ErrorClass(error)} mud-typography-subtitle1 mud-input-sizing-fixed";

    public static string LabelClass(string? error) =>
        $"mud-input-label mud-input-label-animated mud-input-label-outlined{ErrorClass(error)} mud-input-label-inputcontrol";

    public static string? ErrorClass(string? error) => error is null ? null : " mud-input-error";

    private CredentialModel Model => (CredentialModel)editContext.Model;

    private FieldIdentifier Identifier => editContext.Field(definition.Name);

    /// <summary>The browser's value after a keystroke, a paste or an autofill.</summary>
    public void Change(string? value)
    {
        var previous = Value;
        var raw = value ?? string.Empty;

        // A jump of more than one character is a paste or autofill: clean it up at once.
        var isBulkChange = Math.Abs(raw.Length - previous.Length) > 1;
        if (isBulkChange)
        {
            ApplyNormalized(raw);
        }
        else
        {
            Model[definition.Name] = raw;
        }

        if (_touched || isBulkChange)
        {
            _touched = true;
            editContext.NotifyFieldChanged(Identifier);
        }
    }

    /// <summary>The person left the field: from now on it is checked as they type.</summary>
    public void Leave()
    {
        ApplyNormalized(Value);
        _touched = true;
        editContext.NotifyFieldChanged(Identifier);
    }

    public void ToggleReveal() => Revealed = !Revealed;

    private void ApplyNormalized(string raw)
    {
        var normalized = definition.Normalize(raw);
        Model[definition.Name] = normalized.Value;
        if (normalized.Note is not null)
        {
            _note = normalized.Note;
            _noteValue = normalized.Value;
        }
    }
}
