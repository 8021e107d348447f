using ConnectUi.Providers;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>The values Tallybook's simulator understands, and what each one makes it answer.</summary>
public static class TallybookSandbox
{
    public const string AccountId = "acct_100001";
    public const string UnknownAccountId = "acct_999999";
    public const string Token = "tbk_SandboxToken000000000000";
    public const string WrongToken = "tbk_WrongToken00000000000000";
    public const string RevokedToken = "tbk_RevokedToken000000000000";
    public const string NoScopeToken = "tbk_NoScopeToken000000000000";
    public const string SlowToken = "tbk_SlowToken000000000000000";
    public const string AccountName = "Sandbox Books Ltd";

    public static IReadOnlyList<SandboxScenario> Scenarios { get; } =
    [
        Scenario("Connected", VerificationOutcome.Verified),
        Scenario("Wrong token", VerificationOutcome.InvalidCredentials, token: WrongToken),
        Scenario("Revoked token", TallybookOutcomes.TokenRevoked, token: RevokedToken),
        Scenario("Token without read_account", VerificationOutcome.PermissionDenied, token: NoScopeToken),
        Scenario("Unknown account", TallybookOutcomes.AccountNotFound, accountId: UnknownAccountId),
        Scenario("Never answers", VerificationOutcome.Timeout, token: SlowToken),
    ];

    public static ProviderSandbox Sandbox { get; } = new() { Scenarios = Scenarios, MapSimulator = TallybookSimulator.Map };

    private static SandboxScenario Scenario(string description, ProviderOutcome outcome, string accountId = AccountId, string token = Token) =>
        new(() => description, outcome, new Dictionary<string, string>
        {
            [nameof(TallybookCredentials.AccountId)] = accountId,
            [nameof(TallybookCredentials.PrivateAppToken)] = token,
        });
}
