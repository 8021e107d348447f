using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ConnectUi.Forms;

/// <summary>
/// Bridges FluentValidation into the <see cref="EditContext"/> of the EditForm around it (a <see cref="FluentValidationBinding"/>
/// for as long as the component is there).
/// </summary>
/// <typeparam name="TModel">The edited model's type (or a base type of it).</typeparam>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable where TModel : class
{
    private FluentValidationBinding? _binding;
    private ValidationMessageStore? _ownStore;

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

        if (!ReferenceEquals(CurrentEditContext, _binding?.EditContext))
        {
            Dispose();
            _ownStore = new ValidationMessageStore(CurrentEditContext);
            _binding = new FluentValidationBinding(CurrentEditContext, Validator, MessageStore ?? _ownStore);
        }

        _binding.Validator = Validator;
        _binding.Store = MessageStore ?? _ownStore!;
        _binding.Validated = Validated;
    }

    /// <summary>Detaches, and takes its messages away with it: the form stays without its rules.</summary>
    public void Dispose()
    {
        if (_binding is not null)
        {
            _binding.Dispose();
            _binding.Store.Clear();
            _binding.EditContext.NotifyValidationStateChanged();
        }
    }
}
