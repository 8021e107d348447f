namespace ConnectUi.Connections;

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
}
