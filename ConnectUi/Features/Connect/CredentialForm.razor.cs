using System.Text.Json;
using ConnectUi.Circuits;
using ConnectUi.MudMarkup;
using ConnectUi.Connections;
using ConnectUi.Forms;
using ConnectUi.Journeys;
using ConnectUi.Providers;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ConnectUi.Features.Connect;

/// <summary>
/// A provider's credential form: rules run as the person types, the provider is asked on submit, and a refusal
/// is written next to the fields it concerns. Nothing typed is lost on any failure.
/// </summary>
public sealed partial class CredentialForm
{
    private readonly CancellationTokenSource _disposed = new();
    private EditContext _editContext = null!;
    private FluentValidationBinding _validation = null!;
    private ValidationMessageStore _messages = null!;
    private CredentialInput[] _inputs = [];
    private IReadOnlyList<(CredentialField Field, string Message)> _summaryProblems = [];
    private ConnectProblem? _problem;
    private ConnectResult? _failure;
    private bool _submitting;
    private string? _focusAfterRender;
    private string? _status;

    /// <summary>Set when a kept draft filled the form: the secret fields' labels, to be typed again.</summary>
    private string? _restoredWithout;
    private System.Globalization.CultureInfo? _shownCulture;
    private ScriptModule? _module;

    [Inject]
    public required IConnectionService Connections { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IStringLocalizer<ConnectStrings> Loc { get; init; }

    [Inject]
    public required IPausedForm Paused { get; init; }

    [Parameter, EditorRequired]
    public required ProviderDefinition Provider { get; set; }

    /// <summary>Non-secret values to start with (for example the settings of a connection being renewed).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? InitialValues { get; set; }

    [Parameter]
    public string? EndUserId { get; set; }

    [Parameter]
    public Guid? ReconnectConnectionId { get; set; }

    /// <summary>The host's connect session; the service refuses to save once it expired or was used.</summary>
    [Parameter]
    public Guid? SessionId { get; set; }

    [Parameter]
    public EventCallback<ConnectResult> OnConnected { get; set; }

    /// <summary>Any attempt that saved nothing, after the form showed why.</summary>
    [Parameter]
    public EventCallback<ConnectResult> OnNotConnected { get; set; }

    /// <summary>Raised when the person asks for a guide step (a "Where do I find this?" link, a refusal's step link).</summary>
    [Parameter]
    public EventCallback<string> OnGuideStepRequested { get; set; }

    /// <summary>Raised with the guide step a refusal points at, to mark it without taking the person away from the refusal.</summary>
    [Parameter]
    public EventCallback<string> OnProblemStep { get; set; }

    /// <summary>The page's journey for the support console; absent where nobody records (component tests, previews).</summary>
    [Parameter]
    public VisitJourney? Journey { get; set; }

    protected override void OnInitialized()
    {
        var model = Provider.CreateModel();
        foreach (var (name, value) in InitialValues ?? new Dictionary<string, string>())
        {
            if (model.FieldNames.Contains(name))
            {
                model[name] = value;
            }
        }

        _editContext = new EditContext(model);
        _messages = new ValidationMessageStore(_editContext);
        _inputs = Provider.Fields.Select(field => new CredentialInput(field, _editContext)).ToArray();
        _editContext.OnValidationStateChanged += OnValidationStateChanged;
        _editContext.OnFieldChanged += OnFieldChanged;
        RestorePausedDraft();
        KeepForPause();

        // After the form's own handlers, as the validator component the form used to hold subscribed after them.
        _validation = new FluentValidationBinding(_editContext, Provider.Validator, _messages) { Validated = OnValidated };
    }

    /// <summary>
    /// A circuit resumed after a pause (on this instance or another) brings back the non-secret fields it kept; the secret
    /// fields were never kept, and the form says which to type again.
    /// </summary>
    private void RestorePausedDraft()
    {
        if (Paused.TakeRestored(Provider.Id, SessionId) is not { } draft)
        {
            return;
        }

        var restored = false;
        foreach (var field in Provider.Fields.Where(f => !f.IsSecret))
        {
            if (draft.Values.GetValueOrDefault(field.Name) is { Length: > 0 } value && value.Length <= field.MaxLength)
            {
                Model[field.Name] = value;
                restored = true;
            }
        }

        if (restored)
        {
            _restoredWithout = SecretLabels();
        }
    }

    /// <summary>Hands the non-secret fields to what a pause persists; a secret field's value never leaves the form.</summary>
    private void KeepForPause()
    {
        var values = Provider.Fields
            .Where(f => !f.IsSecret && !string.IsNullOrEmpty(Model[f.Name]))
            .ToDictionary(f => f.Name, f => Model[f.Name]);
        Paused.Keep(new PausedFormDraft(Provider.Id, SessionId, values));
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e) => KeepForPause();

    private string SecretLabels() => string.Join(", ", Provider.Fields.Where(f => f.IsSecret).Select(f => f.Label()));

    protected override void OnParametersSet()
    {
        // After a language switch the rule messages already shown are written again in the new language; a
        // provider's refusal keeps the words it was given until the next submit.
        if (_shownCulture is not null && UiCulture is not null && !_shownCulture.Equals(UiCulture))
        {
            var refusedFields = _problem?.Fields ?? [];
            foreach (var field in Provider.Fields.Where(f => !refusedFields.Contains(f.Name)))
            {
                var identifier = _editContext.Field(field.Name);
                if (_editContext.GetValidationMessages(identifier).Any())
                {
                    _editContext.NotifyFieldChanged(identifier);
                }
            }

            if (_summaryProblems.Count > 0)
            {
                _summaryProblems = CurrentProblems();
            }
        }

        _shownCulture = UiCulture;
    }

    /// <summary>Replaces the form's values (the sandbox banner's "Fill in"), clearing every message.</summary>
    public void Fill(IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in Provider.Fields)
        {
            Model[field.Name] = values.TryGetValue(field.Name, out var value) ? value : string.Empty;
        }

        _messages.Clear();
        _problem = null;
        _restoredWithout = null;
        _summaryProblems = [];
        _editContext.NotifyValidationStateChanged();
        KeepForPause();
        StateHasChanged();
    }

    private bool IsTooManyAttempts => _failure?.Status == ConnectStatus.TooManyAttempts;

    private string SubmitClass => ButtonClasses.Primary(Variant.Filled, Size.Large) + (_submitting ? " credential-form__submit--checking" : null);

    private CredentialModel Model => (CredentialModel)_editContext.Model;

    private async Task SubmitAsync()
    {
        if (_submitting)
        {
            return;
        }

        foreach (var field in Provider.Fields)
        {
            Model[field.Name] = field.Normalize(Model[field.Name]).Value;
        }

        _problem = null;
        _restoredWithout = null;
        if (!_editContext.Validate())
        {
            _status = null;
            _summaryProblems = CurrentProblems();
            _focusAfterRender = ErrorSummary.ElementId;
            return;
        }

        _summaryProblems = [];

        Journey?.Submitted(SubmittedSettings());
        _submitting = true;
        _status = Loc[nameof(ConnectStrings.StatusChecking), Provider.DisplayName];
        StateHasChanged();
        try
        {
            var result = await Connections.ConnectAsync(
                new ConnectRequest(Provider, Model, EndUserId, ReconnectConnectionId, SessionId), _disposed.Token);
            if (result.Succeeded)
            {
                Paused.Drop();
                await DropDraftAsync();
                Journey?.Connected(result.ConnectionId!.Value);
                _status = Loc[nameof(ConnectStrings.StatusConnected), Provider.DisplayName];
                await OnConnected.InvokeAsync(result);
                return;
            }

            _failure = result;
            Journey?.Outcome(result with { Problem = result.Problem ?? UnexpectedProblem() });
            await ShowProblemAsync(result.Problem ?? UnexpectedProblem());
            await OnNotConnected.InvokeAsync(result);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The person left the page; there is no one to tell.
        }
        finally
        {
            _submitting = false;
        }
    }

    private async Task ShowProblemAsync(ConnectProblem problem)
    {
        _problem = problem;

        // The alert holds the message; each field it concerns is marked invalid with a short pointer to it.
        var pointer = Loc[nameof(ConnectStrings.FieldRefused), Provider.DisplayName];
        foreach (var fieldName in problem.Fields)
        {
            if (Provider.FindField(fieldName) is not null)
            {
                _messages.Add(_editContext.Field(fieldName), pointer);
            }
        }

        _editContext.NotifyValidationStateChanged();

        // The alert announces itself (role=alert) and takes the focus; the status region only says the check ended.
        _status = Loc[nameof(ConnectStrings.StatusNotConnected), Provider.DisplayName];
        _focusAfterRender = IsTooManyAttempts ? TooManyAttemptsId : ProviderProblemAlert.ElementId;
        if (problem.GuideStepAnchor is not null)
        {
            await OnProblemStep.InvokeAsync(problem.GuideStepAnchor);
        }
    }

    private const string TooManyAttemptsId = "too-many-attempts";

    private async Task FocusFieldAsync(CredentialField field) =>
        await Module.InvokeVoidAsync("focusById", CredentialInput.InputId(field));

    /// <summary>What support staff may see of the submitted form: the non-secret settings, one "label: value" per line.</summary>
    private string? SubmittedSettings()
    {
        var settings = Provider.Fields.Where(f => !f.IsSecret).Select(f => $"{f.Label()}: {Model[f.Name]}").ToArray();
        return settings.Length == 0 ? null : string.Join(Environment.NewLine, settings);
    }

    /// <summary>Reports each checked field's rule state to the journey: the rule and its message, never the value.</summary>
    private void OnValidated(string? checkedField, IReadOnlyList<ValidationFailure> failures)
    {
        if (Journey is null)
        {
            return;
        }

        var secrets = Provider.Fields.Where(f => f.IsSecret).Select(f => (string?)Model[f.Name]).ToArray();
        foreach (var field in Provider.Fields.Where(f => checkedField is null || f.Name == checkedField))
        {
            var failure = failures.FirstOrDefault(f => f.PropertyName == field.Name);
            Journey.FieldChecked(field.Name, failure is null ? null : RuleOf(failure), failure?.ErrorMessage, secrets);
        }
    }

    private static string RuleOf(ValidationFailure failure) => string.IsNullOrEmpty(failure.ErrorCode) ? "Rule" : failure.ErrorCode;

    private ConnectProblem UnexpectedProblem() => new(
        Loc[nameof(ConnectStrings.UnexpectedProblem), Provider.DisplayName],
        [],
        null);

    private void UseSuggestedValue((string Field, string Value) suggestion)
    {
        Model[suggestion.Field] = suggestion.Value;
        _editContext.NotifyFieldChanged(_editContext.Field(suggestion.Field));
    }

    private (CredentialField Field, string Message)[] CurrentProblems() => Provider.Fields
        .Select(f => (Field: f, Message: _editContext.GetValidationMessages(_editContext.Field(f.Name)).FirstOrDefault()))
        .Where(p => p.Message is not null)
        .Select(p => (p.Field, p.Message!))
        .ToArray();

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e)
    {
        // After a failed submit the summary shrinks as the person fixes fields; it never grows while they type.
        if (_summaryProblems.Count > 0)
        {
            _summaryProblems = CurrentProblems().Where(p => _summaryProblems.Any(s => s.Field.Name == p.Field.Name)).ToArray();
        }

        // The inputs' messages are the form's own markup.
        StateHasChanged();
    }

    private Task ShowGuideStepAsync(CredentialField field)
    {
        Journey?.FindValueFollowed(field.Name, field.GuideStepAnchor);
        return OnGuideStepRequested.InvokeAsync(field.GuideStepAnchor);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // After-render runs only in the interactive circuit, never while prerendering.
        try
        {
            if (firstRender)
            {
                await StartDraftAsync();
            }

            if (_focusAfterRender is { } id)
            {
                _focusAfterRender = null;
                await Module.InvokeVoidAsync("focusAlert", id);
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab closed while the circuit was still starting: thrown from here it would end the circuit with an error
            // in the log, for a person who has already gone. There is nothing left to restore or to focus.
        }
    }

    /// <summary>Where this tab keeps the draft: per provider and session, so one link's draft never fills another's form.</summary>
    private string DraftKey => $"connectui:draft:{Provider.Id}:{SessionId?.ToString() ?? "none"}";

    /// <summary>
    /// Restores what the tab kept of the non-secret fields (after its server instance was lost), says which secret fields
    /// must be typed again, and keeps the non-secret fields from now on. Secrets never leave the form.
    /// </summary>
    private async Task StartDraftAsync()
    {
        var draft = ParseDraft(await Module.InvokeAsync<string?>("draftText", DraftKey));
        if (_disposed.IsCancellationRequested)
        {
            // The person left while the tab answered: the module went with the form, and calling it would throw here, in
            // after-render, where an exception ends the circuit and every page after it.
            return;
        }

        var restored = false;
        foreach (var field in Provider.Fields.Where(f => !f.IsSecret))
        {
            if (draft?.GetValueOrDefault(field.Name) is { Length: > 0 } value && value.Length <= field.MaxLength && value != Model[field.Name])
            {
                Model[field.Name] = value;
                restored = true;
            }
        }

        if (restored)
        {
            _restoredWithout = SecretLabels();
            KeepForPause();
            StateHasChanged();
        }

        var inputs = Provider.Fields.Where(f => !f.IsSecret).ToDictionary(CredentialInput.InputId, f => f.Name);
        await Module.InvokeVoidAsync("keepDraft", DraftKey, JsonSerializer.Serialize(inputs));
    }

    /// <summary>
    /// The draft's JSON text, read with the process-wide options (dictionaries passed through the circuit's JS runtime
    /// would make System.Text.Json build their metadata in every circuit). Anything but an object of strings is no draft.
    /// </summary>
    internal static Dictionary<string, string>? ParseDraft(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A tab that has gone took its storage with it: the call then does nothing (ScriptModule).
    private ValueTask DropDraftAsync() => Module.InvokeVoidAsync("dropDraft", DraftKey);

    private ScriptModule Module => _module ??= new(JS, "./Features/Connect/CredentialForm.razor.js");

    public async ValueTask DisposeAsync()
    {
        _editContext.OnValidationStateChanged -= OnValidationStateChanged;
        _editContext.OnFieldChanged -= OnFieldChanged;
        _validation.Dispose();
        // Pausing collects state before the circuit's components go; a form the person left has nothing to resume.
        Paused.Forget(Provider.Id, SessionId);
        _disposed.Cancel();
        _disposed.Dispose();
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }
    }
}
