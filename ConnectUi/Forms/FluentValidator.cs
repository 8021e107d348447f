using FluentValidation;
using FluentValidation.Results;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ConnectUi.Forms;

/// <summary>
/// Bridges FluentValidation into an <see cref="EditContext"/>: validates one field when it changes and the
/// whole model when validation is requested, writing the results into a <see cref="ValidationMessageStore"/>.
/// </summary>
/// <typeparam name="TModel">The edited model's type (or a base type of it).</typeparam>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable where TModel : class
{
    private EditContext? _editContext;
    private ValidationMessageStore? _ownStore;
    private ValidationMessageStore? _store;

    [CascadingParameter]
    public EditContext? CurrentEditContext { get; set; }

    /// <summary>The validator of the edited model; it must accept the model's runtime type.</summary>
    [Parameter, EditorRequired]
    public required IValidator Validator { get; set; }

    /// <summary>
    /// The store to write into. Pass the form's own store so other messages (a provider's refusal)
    /// share one channel with the rules; when null the component creates one.
    /// </summary>
    [Parameter]
    public ValidationMessageStore? MessageStore { get; set; }

    /// <summary>
    /// Told after each check: the field checked (null when the whole model was) and the failures found, with their
    /// rules' error codes. The support console's journey listens to it.
    /// </summary>
    [Parameter]
    public Action<string?, IReadOnlyList<ValidationFailure>>? Validated { get; set; }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidator<TModel>)} must be placed inside an EditForm.");
        }

        if (CurrentEditContext.Model is not TModel || !Validator.CanValidateInstancesOfType(CurrentEditContext.Model.GetType()))
        {
            throw new InvalidOperationException($"The validator {Validator.GetType().Name} cannot validate a {CurrentEditContext.Model.GetType().Name}.");
        }

        if (!ReferenceEquals(CurrentEditContext, _editContext))
        {
            Detach();
            _editContext = CurrentEditContext;
            _editContext.OnFieldChanged += OnFieldChanged;
            _editContext.OnValidationRequested += OnValidationRequested;
            _ownStore = new ValidationMessageStore(_editContext);
        }

        _store = MessageStore ?? _ownStore;
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        if (_editContext is null || _store is null || !ReferenceEquals(field.Model, _editContext.Model))
        {
            return;
        }

        _store.Clear(field);
        var context = new ValidationContext<object>(
            _editContext.Model, new PropertyChain(), new MemberNameValidatorSelector([field.FieldName]));
        var failures = Validator.Validate(context).Errors.Where(f => f.PropertyName == field.FieldName).ToArray();
        foreach (var failure in failures)
        {
            _store.Add(field, failure.ErrorMessage);
        }

        _editContext.NotifyValidationStateChanged();
        Validated?.Invoke(field.FieldName, failures);
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        if (_editContext is null || _store is null)
        {
            return;
        }

        _store.Clear();
        var model = _editContext.Model;
        var failures = Validator.Validate(new ValidationContext<object>(model)).Errors;
        foreach (var failure in failures)
        {
            _store.Add(_editContext.Field(failure.PropertyName), failure.ErrorMessage);
        }

        _editContext.NotifyValidationStateChanged();
        Validated?.Invoke(null, failures);
    }

    private void Detach()
    {
        if (_editContext is not null)
        {
            _editContext.OnFieldChanged -= OnFieldChanged;
            _editContext.OnValidationRequested -= OnValidationRequested;
        }
    }

    public void Dispose()
    {
        Detach();
        _store?.Clear();
        _editContext?.NotifyValidationStateChanged();
    }
}
