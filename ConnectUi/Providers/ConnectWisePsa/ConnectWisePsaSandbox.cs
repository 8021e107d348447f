namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>
/// The credentials ConnectWise PSA's simulator understands, and what each one makes it answer. The sandbox banner shows
/// <see cref="Scenarios"/>; tests and the README use the same values.
/// </summary>
public static class ConnectWisePsaSandbox
{
    /// <summary>Ignored while the sandbox is on (every call goes to the simulator); a reserved name that never resolves.</summary>
    public const string Hostname = "cw.sandbox.example";
    public const string CompanyId = "sandbox";
    public const string ApiVersion = "2025.1";
    public const string UnsupportedApiVersion = "2030.1";
    public const string ClientId = "00000000-0000-4000-8000-000000000001";
    public const string UnknownClientId = "00000000-0000-4000-8000-000000000002";
    public const string Username = "sandbox+publickey";
    public const string Password = "sandbox-private";
    public const string WrongPassword = "wrong-private";
    public const string ReadOnlyUsername = "sandbox+readonly";
    public const string SlowUsername = "sandbox+slow";
    public const string ServerErrorUsername = "sandbox+error";
    public const string BusyUsername = "sandbox+busy";
    public const string UnknownCompanyUsername = "nosuchcompany+publickey";
    public const string CompanyName = "Sandbox Co";
    public const string ServerVersion = "v2025.1.12345";

    /// <summary>Every scenario, in the order the banner lists them.</summary>
    public static IReadOnlyList<SandboxScenario> Scenarios { get; } =
    [
        Scenario(() => ConnectWisePsaStrings.SandboxConnected, VerificationOutcome.Verified),
        Scenario(() => ConnectWisePsaStrings.SandboxUnknownCompany, ConnectWisePsaOutcomes.CompanyNotFound, username: UnknownCompanyUsername),
        Scenario(() => ConnectWisePsaStrings.SandboxWrongPrivateKey, VerificationOutcome.InvalidCredentials, password: WrongPassword),
        Scenario(() => ConnectWisePsaStrings.SandboxRoleWithoutPermission, VerificationOutcome.PermissionDenied, username: ReadOnlyUsername),
        Scenario(() => ConnectWisePsaStrings.SandboxUnknownClientId, ConnectWisePsaOutcomes.InvalidClientId, clientId: UnknownClientId),
        Scenario(() => ConnectWisePsaStrings.SandboxUnsupportedApiVersion, ConnectWisePsaOutcomes.UnsupportedApiVersion, apiVersion: UnsupportedApiVersion),
        Scenario(() => ConnectWisePsaStrings.SandboxNeverAnswers, VerificationOutcome.Timeout, username: SlowUsername),
        Scenario(() => ConnectWisePsaStrings.SandboxHtml500, VerificationOutcome.ProviderError, username: ServerErrorUsername),
        Scenario(() => ConnectWisePsaStrings.SandboxTooManyRequests, VerificationOutcome.RateLimited, username: BusyUsername),
    ];

    public static ProviderSandbox Sandbox { get; } = new() { Scenarios = Scenarios, MapSimulator = ConnectWisePsaSimulator.Map };

    private static SandboxScenario Scenario(
        Func<string> description,
        ProviderOutcome outcome,
        string username = Username,
        string password = Password,
        string clientId = ClientId,
        string apiVersion = ApiVersion) =>
        new(description, outcome, new Dictionary<string, string>
        {
            [nameof(ConnectWisePsaCredentials.Hostname)] = Hostname,
            [nameof(ConnectWisePsaCredentials.ApiVersion)] = apiVersion,
            [nameof(ConnectWisePsaCredentials.ClientId)] = clientId,
            [nameof(ConnectWisePsaCredentials.Username)] = username,
            [nameof(ConnectWisePsaCredentials.Password)] = password,
        });
}
