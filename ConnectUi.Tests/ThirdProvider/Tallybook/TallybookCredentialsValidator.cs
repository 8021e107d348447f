using System.Text.RegularExpressions;
using FluentValidation;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

public sealed partial class TallybookCredentialsValidator : AbstractValidator<TallybookCredentials>
{
    /// <summary>Longest value of either field; the patterns allow less, the form's maxlength uses this.</summary>
    public const int MaxLength = 64;

    public TallybookCredentialsValidator()
    {
        RuleFor(m => m.AccountId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(TallybookTexts.AccountIdRequired)
            .Matches(AccountIdPattern()).WithMessage(TallybookTexts.AccountIdFormat);

        RuleFor(m => m.PrivateAppToken)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(TallybookTexts.TokenRequired)
            .Matches(TokenPattern()).WithMessage(TallybookTexts.TokenFormat);
    }

    // [0-9] and \z: \d matches non-ASCII digits and $ matches before a trailing line break.
    [GeneratedRegex(@"^acct_[0-9]{6}\z", RegexOptions.CultureInvariant, 100)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^tbk_[A-Za-z0-9]{24}\z", RegexOptions.CultureInvariant, 100)]
    private static partial Regex TokenPattern();
}
