using System.Globalization;
using ConnectUi.Connections;

namespace ConnectUi.Providers.Konnektive;

/// <summary>What to tell the person for each way a Konnektive test call can end.</summary>
public static class KonnektiveProblems
{
    private static readonly IReadOnlyList<string> Both = [nameof(KonnektiveCredentials.ApiLoginId), nameof(KonnektiveCredentials.ApiPassword)];
    private static readonly IReadOnlyList<string> LoginId = [nameof(KonnektiveCredentials.ApiLoginId)];

    /// <param name="ipAddress">The address Konnektive saw, for <see cref="VerificationOutcome.IpNotAllowed"/>.</param>
    public static ConnectProblem For(VerificationOutcome outcome, string? technicalDetails, string? ipAddress = null) => outcome switch
    {
        VerificationOutcome.InvalidCredentials => new(KonnektiveStrings.InvalidCredentials, Both, KonnektiveProvider.Steps.FindCredentials, technicalDetails),
        VerificationOutcome.IpNotAllowed => new(
            ipAddress is null ? KonnektiveStrings.IpNotAllowedUnknownIp : string.Format(CultureInfo.CurrentCulture, KonnektiveStrings.IpNotAllowed, ipAddress),
            [],
            KonnektiveProvider.Steps.FindCredentials,
            technicalDetails,
            ReportedServerAddress: ipAddress),
        VerificationOutcome.PermissionDenied => new(KonnektiveStrings.PermissionDenied, LoginId, KonnektiveProvider.Steps.FindCredentials, technicalDetails),
        VerificationOutcome.Timeout => new(KonnektiveStrings.Timeout, [], null, technicalDetails),
        VerificationOutcome.Unreachable or VerificationOutcome.HostNotFound or VerificationOutcome.HostNotAllowed => new(KonnektiveStrings.Unreachable, [], null, technicalDetails),
        VerificationOutcome.TlsFailure => new(KonnektiveStrings.TlsFailure, [], null, technicalDetails),
        VerificationOutcome.RateLimited => new(KonnektiveStrings.RateLimited, [], null, technicalDetails),
        _ => new(KonnektiveStrings.ProviderError, [], null, technicalDetails),
    };
}
