using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components.Forms;

namespace ConnectUi.Forms;

/// <summary>
/// FluentValidation attached to an <see cref="EditContext"/>: validates one field when it changes and the whole model
/// when validation is requested, writing the results into a <see cref="ValidationMessageStore"/>. A form creates one
/// directly (no component instance kept in the circuit), or places a <see cref="FluentValidator{TModel}"/> inside an
/// EditForm.
/// </summary>
public sealed class FluentValidationBinding : IDisposable
{
    public FluentValidationBinding(EditContext editContext, IValidator validator, ValidationMessageStore store)
    {
        if (!validator.CanValidateInstancesOfType(editContext.Model.GetType()))
        {
            throw new InvalidOperationException($"The validator {validator.GetType().Name} cannot validate a {editContext.Model.GetType().Name}.");
        }

        EditContext = editContext;
        Validator = validator;
        Store = store;
        EditContext.OnFieldChanged += OnFieldChanged;
        EditContext.OnValidationRequested += OnValidationRequested;
    }

    public EditContext EditContext { get; }

    /// <summary>The validator of the edited model; it must accept the model's runtime type.</summary>
    public IValidator Validator { get; set; }

    /// <summary>The store written into: the form's own, so other messages (a provider's refusal) share one channel with the rules.</summary>
    public ValidationMessageStore Store { get; set; }

    /// <summary>
    /// Told after each check: the field checked (null when the whole model was) and the failures found, with their
    /// rules' error codes. The support console's journey listens to it.
    /// </summary>
    public Action<string?, IReadOnlyList<ValidationFailure>>? Validated { get; set; }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        if (!ReferenceEquals(field.Model, EditContext.Model))
        {
            return;
        }

        Store.Clear(field);
        var context = new ValidationContext<object>(
            EditContext.Model, new PropertyChain(), new MemberNameValidatorSelector([field.FieldName]));
        var failures = Validator.Validate(context).Errors.Where(f => f.PropertyName == field.FieldName).ToArray();
        foreach (var failure in failures)
        {
            Store.Add(field, failure.ErrorMessage);
        }

        EditContext.NotifyValidationStateChanged();
        Validated?.Invoke(field.FieldName, failures);
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        Store.Clear();
        var failures = Validator.Validate(new ValidationContext<object>(EditContext.Model)).Errors;
        foreach (var failure in failures)
        {
            Store.Add(EditContext.Field(failure.PropertyName), failure.ErrorMessage);
        }

        EditContext.NotifyValidationStateChanged();
        Validated?.Invoke(null, failures);
    }

    /// <summary>Detaches from the edit context; the messages written stay (a form going away takes them with it).</summary>
    public void Dispose()
    {
        EditContext.OnFieldChanged -= OnFieldChanged;
        EditContext.OnValidationRequested -= OnValidationRequested;
    }
}
