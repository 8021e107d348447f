namespace ConnectUi.Providers;

/// <summary>Every way a provider test call can end.</summary>
public enum VerificationOutcome
{
    Verified,
    InvalidCredentials,
    IpNotAllowed,
    PermissionDenied,
    InvalidClientId,
    UnsupportedApiVersion,
    CompanyNotFound,
    HostNotFound,
    HostNotAllowed,
    TlsFailure,
    Unreachable,
    Timeout,
    RateLimited,
    ProviderError,

    /// <summary>The submitted values broke the provider's own form rules; no call was made.</summary>
    InvalidInput,
}
