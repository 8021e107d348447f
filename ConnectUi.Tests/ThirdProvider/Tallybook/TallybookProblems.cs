using ConnectUi.Providers;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>What to tell the person for each way a Tallybook test call can end.</summary>
public static class TallybookProblems
{
    private static readonly IReadOnlyList<string> Token = [nameof(TallybookCredentials.PrivateAppToken)];

    public static ConnectProblem For(ProviderOutcome outcome, string technicalDetails) => outcome.Name switch
    {
        nameof(TallybookOutcomes.TokenRevoked) => new(TallybookTexts.TokenRevoked, Token, TallybookProvider.Steps.CreatePrivateApp, technicalDetails),
        nameof(TallybookOutcomes.AccountNotFound) => new(TallybookTexts.AccountNotFound, [nameof(TallybookCredentials.AccountId)], TallybookProvider.Steps.FindAccountId, technicalDetails),
        nameof(VerificationOutcome.InvalidCredentials) => new(TallybookTexts.InvalidToken, Token, TallybookProvider.Steps.CreatePrivateApp, technicalDetails),
        nameof(VerificationOutcome.PermissionDenied) => new(TallybookTexts.MissingScope, Token, TallybookProvider.Steps.CreatePrivateApp, technicalDetails),
        nameof(VerificationOutcome.Timeout) => new(TallybookTexts.Timeout, [], null, technicalDetails),
        _ => new(TallybookTexts.ProviderError, [], null, technicalDetails),
    };
}
