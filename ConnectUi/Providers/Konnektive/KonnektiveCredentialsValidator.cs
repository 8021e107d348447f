using FluentValidation;

namespace ConnectUi.Providers.Konnektive;

public sealed class KonnektiveCredentialsValidator : AbstractValidator<KonnektiveCredentials>
{
    public const int MaxLength = 128;

    public static class Messages
    {
        public const string LoginIdRequired = "Enter the API Login ID: the Username of your Konnektive API user.";
        public const string LoginIdTooLong = "The API Login ID is too long. Copy only the Username of your API user.";
        public const string LoginIdWhitespace = "The API Login ID cannot contain spaces or line breaks. Copy only the Username of your API user.";
        public const string PasswordRequired = "Enter the API Password you set for your Konnektive API user.";
        public const string PasswordTooLong = "The API Password is too long. Copy only the password of your API user.";
        public const string PasswordAmpersand = "The API Password cannot contain an & character. Konnektive rejects it: change the API user's password in Konnektive, then enter the new one.";
        public const string PasswordControl = "The API Password contains an invisible control character. Retype it rather than pasting it.";
        public const string BrokenCharacter = "This value contains a broken character (half of an emoji or symbol), usually left by copying. Type it again.";
    }

    public KonnektiveCredentialsValidator()
    {
        RuleFor(m => m.ApiLoginId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.LoginIdRequired)
            .MaximumLength(MaxLength).WithMessage(Messages.LoginIdTooLong)
            .Must(v => !v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))).WithMessage(Messages.LoginIdWhitespace)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(Messages.BrokenCharacter);

        RuleFor(m => m.ApiPassword)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.PasswordRequired)
            .MaximumLength(MaxLength).WithMessage(Messages.PasswordTooLong)
            .Must(v => !v.Contains('&')).WithMessage(Messages.PasswordAmpersand)
            .Must(v => !v.Any(char.IsControl)).WithMessage(Messages.PasswordControl)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(Messages.BrokenCharacter);
    }
}
