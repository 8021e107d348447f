using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi.Sandbox;

/// <summary>
/// The credentials the provider simulators understand, and what each one makes the simulator answer.
/// The UI shows this table in the sandbox banner; tests and the README use the same values.
/// </summary>
public static class SandboxCredentials
{
    public static class Konnektive
    {
        public const string LoginId = "sandbox-user";
        public const string Password = "sandbox-pass";
        public const string WrongPassword = "wrong-pass";
        public const string NoOrdersLoginId = "sandbox-empty";
        public const string IpNotAllowedLoginId = "sandbox-ip";
        public const string PermissionDeniedLoginId = "sandbox-denied";
        public const string SlowLoginId = "sandbox-slow";
        public const string ServerErrorLoginId = "sandbox-error";
        public const string BusyLoginId = "sandbox-busy";
        public const string MalformedLoginId = "sandbox-malformed";
        public const string RedirectLoginId = "sandbox-redirect";

        /// <summary>The address the simulator says it saw, as Konnektive does.</summary>
        public const string ReportedIp = "203.0.113.7";
    }

    public static class ConnectWisePsa
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
    }

    /// <summary>Every sandbox scenario, in the order the banner lists them.</summary>
    public static IReadOnlyList<SandboxCase> Cases { get; } =
    [
        KonnektiveCase("Orders found", VerificationOutcome.Verified, Konnektive.LoginId),
        KonnektiveCase("No orders in the window (still valid)", VerificationOutcome.Verified, Konnektive.NoOrdersLoginId),
        KonnektiveCase("Wrong password", VerificationOutcome.InvalidCredentials, Konnektive.LoginId, Konnektive.WrongPassword),
        KonnektiveCase($"Server IP not whitelisted ({Konnektive.ReportedIp})", VerificationOutcome.IpNotAllowed, Konnektive.IpNotAllowedLoginId),
        KonnektiveCase("Order Query not granted", VerificationOutcome.PermissionDenied, Konnektive.PermissionDeniedLoginId),
        KonnektiveCase("Never answers", VerificationOutcome.Timeout, Konnektive.SlowLoginId),
        KonnektiveCase("HTTP 500 HTML page", VerificationOutcome.ProviderError, Konnektive.ServerErrorLoginId),
        KonnektiveCase("Bare ERROR under load", VerificationOutcome.ProviderError, Konnektive.BusyLoginId),
        KonnektiveCase("Malformed JSON", VerificationOutcome.ProviderError, Konnektive.MalformedLoginId),
        KonnektiveCase("Redirect", VerificationOutcome.ProviderError, Konnektive.RedirectLoginId),

        ConnectWiseCase("Connected", VerificationOutcome.Verified),
        ConnectWiseCase("Unknown company", VerificationOutcome.CompanyNotFound, username: ConnectWisePsa.UnknownCompanyUsername),
        ConnectWiseCase("Wrong private key", VerificationOutcome.InvalidCredentials, password: ConnectWisePsa.WrongPassword),
        ConnectWiseCase("Role without permission", VerificationOutcome.PermissionDenied, username: ConnectWisePsa.ReadOnlyUsername),
        ConnectWiseCase("Unknown Client ID", VerificationOutcome.InvalidClientId, clientId: ConnectWisePsa.UnknownClientId),
        ConnectWiseCase("Unsupported API version", VerificationOutcome.UnsupportedApiVersion, apiVersion: ConnectWisePsa.UnsupportedApiVersion),
        ConnectWiseCase("Never answers", VerificationOutcome.Timeout, username: ConnectWisePsa.SlowUsername),
        ConnectWiseCase("HTTP 500 HTML page", VerificationOutcome.ProviderError, username: ConnectWisePsa.ServerErrorUsername),
        ConnectWiseCase("Too many requests", VerificationOutcome.RateLimited, username: ConnectWisePsa.BusyUsername),
    ];

    private static SandboxCase KonnektiveCase(string description, VerificationOutcome outcome, string loginId, string password = Konnektive.Password) =>
        new(KonnektiveProvider.Id, description, outcome, new Dictionary<string, string>
        {
            [nameof(KonnektiveCredentials.ApiLoginId)] = loginId,
            [nameof(KonnektiveCredentials.ApiPassword)] = password,
        });

    private static SandboxCase ConnectWiseCase(
        string description,
        VerificationOutcome outcome,
        string username = ConnectWisePsa.Username,
        string password = ConnectWisePsa.Password,
        string clientId = ConnectWisePsa.ClientId,
        string apiVersion = ConnectWisePsa.ApiVersion) =>
        new(ConnectWisePsaProvider.Id, description, outcome, new Dictionary<string, string>
        {
            [nameof(ConnectWisePsaCredentials.Hostname)] = ConnectWisePsa.Hostname,
            [nameof(ConnectWisePsaCredentials.ApiVersion)] = apiVersion,
            [nameof(ConnectWisePsaCredentials.ClientId)] = clientId,
            [nameof(ConnectWisePsaCredentials.Username)] = username,
            [nameof(ConnectWisePsaCredentials.Password)] = password,
        });
}

/// <summary>One sandbox scenario: the form values to type and the outcome they lead to.</summary>
/// <param name="Values">Form values by credential property name.</param>
public sealed record SandboxCase(string ProviderId, string Description, VerificationOutcome Outcome, IReadOnlyDictionary<string, string> Values);
