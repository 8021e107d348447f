using ConnectUi.Providers;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>What support staff tell a customer after each ConnectWise PSA outcome (the console's timeline).</summary>
public static class ConnectWisePsaStaffGuidance
{
    public static string? For(ProviderOutcome outcome) => outcome.Code switch
    {
        nameof(ConnectWisePsaOutcomes.InvalidClientId) => ConnectWisePsaStaffStrings.GuidanceInvalidClientId,
        nameof(ConnectWisePsaOutcomes.UnsupportedApiVersion) => ConnectWisePsaStaffStrings.GuidanceUnsupportedApiVersion,
        nameof(ConnectWisePsaOutcomes.CompanyNotFound) => ConnectWisePsaStaffStrings.GuidanceCompanyNotFound,
        _ => For(outcome.Category),
    };

    private static string? For(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Verified => ConnectWisePsaStaffStrings.GuidanceVerified,
        VerificationOutcome.InvalidCredentials => ConnectWisePsaStaffStrings.GuidanceInvalidCredentials,
        VerificationOutcome.HostNotFound => ConnectWisePsaStaffStrings.GuidanceHostNotFound,
        VerificationOutcome.HostNotAllowed => ConnectWisePsaStaffStrings.GuidanceHostNotAllowed,
        VerificationOutcome.TlsFailure => ConnectWisePsaStaffStrings.GuidanceTlsFailure,
        VerificationOutcome.PermissionDenied => ConnectWisePsaStaffStrings.GuidancePermissionDenied,
        VerificationOutcome.Timeout or VerificationOutcome.Unreachable => ConnectWisePsaStaffStrings.GuidanceUnreachable,
        VerificationOutcome.RateLimited => ConnectWisePsaStaffStrings.GuidanceRateLimited,
        VerificationOutcome.InvalidInput => ConnectWisePsaStaffStrings.GuidanceInvalidInput,
        _ => ConnectWisePsaStaffStrings.GuidanceProviderError,
    };
}
