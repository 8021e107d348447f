using System.Globalization;

namespace ConnectUi.Providers.Konnektive;

/// <summary>
/// The credentials Konnektive's simulator understands, and what each one makes it answer. The sandbox banner shows
/// <see cref="Scenarios"/>; tests and the README use the same values.
/// </summary>
public static class KonnektiveSandbox
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

    /// <summary>Every scenario, in the order the banner lists them.</summary>
    public static IReadOnlyList<SandboxScenario> Scenarios { get; } =
    [
        Scenario(() => KonnektiveStrings.SandboxOrdersFound, VerificationOutcome.Verified, LoginId),
        Scenario(() => KonnektiveStrings.SandboxNoOrders, VerificationOutcome.Verified, NoOrdersLoginId),
        Scenario(() => KonnektiveStrings.SandboxWrongPassword, VerificationOutcome.InvalidCredentials, LoginId, WrongPassword),
        Scenario(() => string.Format(CultureInfo.CurrentCulture, KonnektiveStrings.SandboxIpNotAllowed, ReportedIp), VerificationOutcome.IpNotAllowed, IpNotAllowedLoginId),
        Scenario(() => KonnektiveStrings.SandboxOrderQueryDenied, VerificationOutcome.PermissionDenied, PermissionDeniedLoginId),
        Scenario(() => KonnektiveStrings.SandboxNeverAnswers, VerificationOutcome.Timeout, SlowLoginId),
        Scenario(() => KonnektiveStrings.SandboxHtml500, VerificationOutcome.ProviderError, ServerErrorLoginId),
        Scenario(() => KonnektiveStrings.SandboxBareError, VerificationOutcome.ProviderError, BusyLoginId),
        Scenario(() => KonnektiveStrings.SandboxMalformedJson, VerificationOutcome.ProviderError, MalformedLoginId),
        Scenario(() => KonnektiveStrings.SandboxRedirect, VerificationOutcome.ProviderError, RedirectLoginId),
    ];

    public static ProviderSandbox Sandbox { get; } = new() { Scenarios = Scenarios, MapSimulator = KonnektiveSimulator.Map };

    private static SandboxScenario Scenario(Func<string> description, VerificationOutcome outcome, string loginId, string password = Password) =>
        new(description, outcome, new Dictionary<string, string>
        {
            [nameof(KonnektiveCredentials.ApiLoginId)] = loginId,
            [nameof(KonnektiveCredentials.ApiPassword)] = password,
        });
}
