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
        Scenario("Connected", VerificationOutcome.Verified),
        Scenario("Unknown company", ConnectWisePsaOutcomes.CompanyNotFound, username: UnknownCompanyUsername),
        Scenario("Wrong private key", VerificationOutcome.InvalidCredentials, password: WrongPassword),
        Scenario("Role without permission", VerificationOutcome.PermissionDenied, username: ReadOnlyUsername),
        Scenario("Unknown Client ID", ConnectWisePsaOutcomes.InvalidClientId, clientId: UnknownClientId),
        Scenario("Unsupported API version", ConnectWisePsaOutcomes.UnsupportedApiVersion, apiVersion: UnsupportedApiVersion),
        Scenario("Never answers", VerificationOutcome.Timeout, username: SlowUsername),
        Scenario("HTTP 500 HTML page", VerificationOutcome.ProviderError, username: ServerErrorUsername),
        Scenario("Too many requests", VerificationOutcome.RateLimited, username: BusyUsername),
    ];

    public static ProviderSandbox Sandbox { get; } = new() { Scenarios = Scenarios, MapSimulator = ConnectWisePsaSimulator.Map };

    private static SandboxScenario Scenario(
        string description,
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
