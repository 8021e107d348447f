using ConnectUi.Connections;

namespace ConnectUi.Providers.Konnektive;

/// <summary>What to tell the person for each way a Konnektive test call can end.</summary>
public static class KonnektiveProblems
{
    public static class Messages
    {
        public const string InvalidCredentials = "Konnektive did not accept this API Login ID and password. Check that you copied the Username and Password of a user whose Access Level is Api User, then try again.";
        public const string IpNotAllowed = "Konnektive refused the call because our server's address {0} is not on this API user's IP Whitelist. In Konnektive, open Admin › Users, edit the API user, add {0} under IP Whitelist, save, then try again.";
        public const string IpNotAllowedUnknownIp = "Konnektive refused the call because our server's address is not on this API user's IP Whitelist. In Konnektive, open Admin › Users, edit the API user, add the address listed in the guide under IP Whitelist, save, then try again.";
        public const string PermissionDenied = "Konnektive accepted the login, but this API user may not use Order Query. In Konnektive, open Admin › Users, edit the API user, grant Order Query (order/query) under Access Details, save, then try again.";
        public const string Timeout = "Konnektive did not answer in time. Nothing was saved. Try again in a minute.";
        public const string Unreachable = "We could not reach Konnektive. Nothing was saved. Try again in a few minutes; if it keeps failing, contact support.";
        public const string TlsFailure = "We could not open a secure connection to Konnektive. Nothing was saved. Try again later; if it keeps failing, contact support.";
        public const string RateLimited = "Konnektive is receiving too many requests right now. Nothing was saved. Wait a minute, then try again.";
        public const string ProviderError = "Konnektive answered in a way we did not expect. Nothing was saved. Try again in a few minutes; if it keeps failing, contact support and quote the technical details.";
    }

    private static readonly IReadOnlyList<string> Both = [nameof(KonnektiveCredentials.ApiLoginId), nameof(KonnektiveCredentials.ApiPassword)];
    private static readonly IReadOnlyList<string> LoginId = [nameof(KonnektiveCredentials.ApiLoginId)];

    /// <param name="ipAddress">The address Konnektive saw, for <see cref="VerificationOutcome.IpNotAllowed"/>.</param>
    public static ConnectProblem For(VerificationOutcome outcome, string? technicalDetails, string? ipAddress = null) => outcome switch
    {
        VerificationOutcome.InvalidCredentials => new(Messages.InvalidCredentials, Both, KonnektiveProvider.Steps.FindCredentials, technicalDetails),
        VerificationOutcome.IpNotAllowed => new(
            ipAddress is null ? Messages.IpNotAllowedUnknownIp : string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.IpNotAllowed, ipAddress),
            [],
            KonnektiveProvider.Steps.FindCredentials,
            technicalDetails),
        VerificationOutcome.PermissionDenied => new(Messages.PermissionDenied, LoginId, KonnektiveProvider.Steps.FindCredentials, technicalDetails),
        VerificationOutcome.Timeout => new(Messages.Timeout, [], null, technicalDetails),
        VerificationOutcome.Unreachable or VerificationOutcome.HostNotFound or VerificationOutcome.HostNotAllowed => new(Messages.Unreachable, [], null, technicalDetails),
        VerificationOutcome.TlsFailure => new(Messages.TlsFailure, [], null, technicalDetails),
        VerificationOutcome.RateLimited => new(Messages.RateLimited, [], null, technicalDetails),
        _ => new(Messages.ProviderError, [], null, technicalDetails),
    };
}
