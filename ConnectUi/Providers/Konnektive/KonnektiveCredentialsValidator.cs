using FluentValidation;

namespace ConnectUi.Providers.Konnektive;

public sealed class KonnektiveCredentialsValidator : AbstractValidator<KonnektiveCredentials>
{
    public const int MaxLength = 128;

    // Messages are read per validation, not at construction: the one validator instance serves every request's UI culture.
    public KonnektiveCredentialsValidator()
    {
        RuleFor(m => m.ApiLoginId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => KonnektiveStrings.LoginIdRequired)
            .MaximumLength(MaxLength).WithMessage(_ => KonnektiveStrings.LoginIdTooLong)
            .Must(v => !v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))).WithMessage(_ => KonnektiveStrings.LoginIdWhitespace)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(_ => KonnektiveStrings.BrokenCharacter);

        RuleFor(m => m.ApiPassword)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => KonnektiveStrings.PasswordRequired)
            .MaximumLength(MaxLength).WithMessage(_ => KonnektiveStrings.PasswordTooLong)
            .Must(v => !v.Contains('&')).WithMessage(_ => KonnektiveStrings.PasswordAmpersand)
            .Must(v => !v.Any(char.IsControl)).WithMessage(_ => KonnektiveStrings.PasswordControl)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(_ => KonnektiveStrings.BrokenCharacter);
    }
}
