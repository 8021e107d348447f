using ConnectUi.Providers;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>Endings only Tallybook knows, each a general category with Tallybook's own code.</summary>
public static class TallybookOutcomes
{
    /// <summary>The token was right once but was revoked: a refused sign-in, so attempt limits count it.</summary>
    public static ProviderOutcome TokenRevoked { get; } = new(VerificationOutcome.InvalidCredentials, nameof(TokenRevoked));

    public static ProviderOutcome AccountNotFound { get; } = new(VerificationOutcome.SettingRejected, nameof(AccountNotFound));

    public static IReadOnlyList<ProviderOutcome> All { get; } = [TokenRevoked, AccountNotFound];
}
