using System.Globalization;
using ConnectUi.Connections;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>What to tell the person for each way a ConnectWise PSA test call can end.</summary>
public static class ConnectWisePsaProblems
{
    public static class Messages
    {
        public const string CompanyNotFound = "ConnectWise PSA has no company \"{1}\" on {0}. Check the Company ID before the + in the Username (it is case-sensitive) and check the Hostname, then try again.";
        public const string InvalidCredentials = "ConnectWise PSA did not accept this Username and Password. Check the public key after the + in the Username and the private key in the Password, then try again. If the key pair was regenerated, use the new one.";
        public const string PermissionDenied = "ConnectWise PSA accepted the keys, but the API member's security role is not allowed to read system information. Ask your ConnectWise administrator to grant the role access to System › System Info, then try again.";
        public const string InvalidClientId = "ConnectWise PSA did not accept this Client ID. Copy the Client ID of your integration again from developer.connectwise.com, then try again.";
        public const string UnsupportedApiVersion = "ConnectWise PSA on {0} does not support API version {1}. Enter a version the server supports, then try again.";
        public const string UnsupportedApiVersionWithSuggestion = "ConnectWise PSA on {0} does not support API version {1}. The server runs version {2}: enter {2} (or an earlier version), then try again.";
        public const string HostNotFound = "We could not find the host {0}. Check the Hostname: cloud tenants use their region's hostname, for example api-na.myconnectwise.net.";
        public const string HostNotAllowed = "We cannot connect to {0}: it is not a public address reachable over HTTPS on port 443. Enter the public API hostname of your ConnectWise PSA server.";
        public const string TlsFailure = "We could not open a secure connection to {0}: its HTTPS certificate was not accepted. Check the Hostname; for your own server, ask your administrator to install a valid certificate.";
        public const string Unreachable = "We could not connect to {0}. Check the Hostname, and that the server accepts HTTPS connections from the internet, then try again.";
        public const string Timeout = "ConnectWise PSA at {0} did not answer in time. Nothing was saved. Try again in a minute; if it keeps happening, check the Hostname.";
        public const string RateLimited = "ConnectWise PSA is receiving too many requests from this account right now. Nothing was saved. Wait a minute, then try again.";
        public const string ProviderError = "ConnectWise PSA at {0} answered in a way we did not expect. Nothing was saved. Check the Hostname, then try again; if it keeps failing, contact support and quote the technical details.";
    }

    private static readonly IReadOnlyList<string> Keys = [nameof(ConnectWisePsaCredentials.Username), nameof(ConnectWisePsaCredentials.Password)];
    private static readonly IReadOnlyList<string> Host = [nameof(ConnectWisePsaCredentials.Hostname)];

    /// <param name="hostname">What the person typed; not a secret.</param>
    /// <param name="companyId">The part of the Username before the +; not a secret.</param>
    /// <param name="serverVersion">The server's API version, offered for the API Version field.</param>
    public static ConnectProblem For(
        VerificationOutcome outcome,
        string hostname,
        string companyId,
        string apiVersion,
        string? technicalDetails,
        string? serverVersion = null)
    {
        var steps = (Host: ConnectWisePsaProvider.Steps.HostnameAndVersion, Keys: ConnectWisePsaProvider.Steps.ClientIdAndKeys);
        return outcome switch
        {
            VerificationOutcome.CompanyNotFound => new(Format(Messages.CompanyNotFound, hostname, companyId), [.. Host, nameof(ConnectWisePsaCredentials.Username)], steps.Keys, technicalDetails),
            VerificationOutcome.InvalidCredentials => new(Messages.InvalidCredentials, Keys, steps.Keys, technicalDetails),
            VerificationOutcome.PermissionDenied => new(Messages.PermissionDenied, [nameof(ConnectWisePsaCredentials.Username)], steps.Keys, technicalDetails),
            VerificationOutcome.InvalidClientId => new(Messages.InvalidClientId, [nameof(ConnectWisePsaCredentials.ClientId)], steps.Keys, technicalDetails),
            VerificationOutcome.UnsupportedApiVersion => new(
                serverVersion is null
                    ? Format(Messages.UnsupportedApiVersion, hostname, apiVersion)
                    : Format(Messages.UnsupportedApiVersionWithSuggestion, hostname, apiVersion, serverVersion),
                [nameof(ConnectWisePsaCredentials.ApiVersion)],
                steps.Host,
                technicalDetails,
                serverVersion is null ? null : new Dictionary<string, string> { [nameof(ConnectWisePsaCredentials.ApiVersion)] = serverVersion }),
            VerificationOutcome.HostNotFound => new(Format(Messages.HostNotFound, hostname), Host, steps.Host, technicalDetails),
            VerificationOutcome.HostNotAllowed => new(Format(Messages.HostNotAllowed, hostname), Host, steps.Host, technicalDetails),
            VerificationOutcome.TlsFailure => new(Format(Messages.TlsFailure, hostname), Host, steps.Host, technicalDetails),
            VerificationOutcome.Unreachable => new(Format(Messages.Unreachable, hostname), Host, steps.Host, technicalDetails),
            VerificationOutcome.Timeout => new(Format(Messages.Timeout, hostname), [], null, technicalDetails),
            VerificationOutcome.RateLimited => new(Messages.RateLimited, [], null, technicalDetails),
            _ => new(Format(Messages.ProviderError, hostname), [], null, technicalDetails),
        };
    }

    private static string Format(string message, params object[] values) => string.Format(CultureInfo.InvariantCulture, message, values);
}
