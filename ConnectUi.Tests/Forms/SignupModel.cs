using FluentValidation;

namespace ConnectUi.Tests.Forms;

/// <summary>A two-field model for exercising the FluentValidator bridge.</summary>
public sealed class SignupModel
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
}

public sealed class SignupModelValidator : AbstractValidator<SignupModel>
{
    public const string NameRequired = "Enter your name.";
    public const string EmailRequired = "Enter your email address.";
    public const string EmailInvalid = "Enter an email address such as ada@example.com.";

    public SignupModelValidator()
    {
        RuleFor(m => m.Name).NotEmpty().WithMessage(NameRequired);
        RuleFor(m => m.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(EmailRequired)
            .Must(e => e.Contains('@')).WithMessage(EmailInvalid);
    }
}

/// <summary>A validator of another model, which the bridge must refuse for a <see cref="SignupModel"/>.</summary>
public sealed class UnrelatedModelValidator : AbstractValidator<string>
{
    public UnrelatedModelValidator() => RuleFor(s => s).NotEmpty();
}
