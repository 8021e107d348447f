
namespace ConnectUi.Providers.Konnektive;

/// <summary>What support staff tell a customer after each Konnektive outcome (the console's timeline).</summary>
public static class KonnektiveStaffGuidance
{
    public static string? For(ProviderOutcome outcome) => outcome.Category switch
    {
        VerificationOutcome.Verified => KonnektiveStaffStrings.GuidanceVerified,
        VerificationOutcome.InvalidCredentials => KonnektiveStaffStrings.GuidanceInvalidCredentials,
        VerificationOutcome.IpNotAllowed => KonnektiveStaffStrings.GuidanceIpNotAllowed,
        VerificationOutcome.PermissionDenied => KonnektiveStaffStrings.GuidancePermissionDenied,
        VerificationOutcome.Timeout or VerificationOutcome.Unreachable or VerificationOutcome.HostNotFound
            or VerificationOutcome.HostNotAllowed or VerificationOutcome.TlsFailure => KonnektiveStaffStrings.GuidanceUnreachable,
        VerificationOutcome.RateLimited => KonnektiveStaffStrings.GuidanceRateLimited,
        VerificationOutcome.InvalidInput => KonnektiveStaffStrings.GuidanceInvalidInput,
        _ => KonnektiveStaffStrings.GuidanceProviderError,
    };
}
