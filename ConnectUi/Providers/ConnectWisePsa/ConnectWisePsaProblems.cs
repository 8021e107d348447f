using System.Globalization;
using ConnectUi.Connections;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>What to tell the person for each way a ConnectWise PSA test call can end.</summary>
public static class ConnectWisePsaProblems
{
    private static readonly IReadOnlyList<string> Keys = [nameof(ConnectWisePsaCredentials.Username), nameof(ConnectWisePsaCredentials.Password)];
    private static readonly IReadOnlyList<string> Host = [nameof(ConnectWisePsaCredentials.Hostname)];

    /// <param name="hostname">What the person typed; not a secret.</param>
    /// <param name="companyId">The part of the Username before the +; not a secret.</param>
    /// <param name="serverVersion">The server's API version, offered for the API Version field.</param>
    public static ConnectProblem For(
        ProviderOutcome outcome,
        string hostname,
        string companyId,
        string apiVersion,
        string? technicalDetails,
        string? serverVersion = null)
    {
        var steps = (Host: ConnectWisePsaProvider.Steps.HostnameAndVersion, Keys: ConnectWisePsaProvider.Steps.ClientIdAndKeys);
        return outcome.Name switch
        {
            nameof(ConnectWisePsaOutcomes.CompanyNotFound) => new(Format(ConnectWisePsaStrings.CompanyNotFound, hostname, companyId), [.. Host, nameof(ConnectWisePsaCredentials.Username)], steps.Keys, technicalDetails),
            nameof(VerificationOutcome.InvalidCredentials) => new(ConnectWisePsaStrings.InvalidCredentials, Keys, steps.Keys, technicalDetails),
            nameof(VerificationOutcome.PermissionDenied) => new(ConnectWisePsaStrings.PermissionDenied, [nameof(ConnectWisePsaCredentials.Username)], steps.Keys, technicalDetails),
            nameof(ConnectWisePsaOutcomes.InvalidClientId) => new(ConnectWisePsaStrings.InvalidClientId, [nameof(ConnectWisePsaCredentials.ClientId)], steps.Keys, technicalDetails),
            nameof(ConnectWisePsaOutcomes.UnsupportedApiVersion) => new(
                serverVersion is null
                    ? Format(ConnectWisePsaStrings.UnsupportedApiVersion, hostname, apiVersion)
                    : Format(ConnectWisePsaStrings.UnsupportedApiVersionWithSuggestion, hostname, apiVersion, serverVersion),
                [nameof(ConnectWisePsaCredentials.ApiVersion)],
                steps.Host,
                technicalDetails,
                serverVersion is null ? null : new Dictionary<string, string> { [nameof(ConnectWisePsaCredentials.ApiVersion)] = serverVersion }),
            nameof(VerificationOutcome.HostNotFound) => new(Format(ConnectWisePsaStrings.HostNotFound, hostname), Host, steps.Host, technicalDetails),
            nameof(VerificationOutcome.HostNotAllowed) => new(Format(ConnectWisePsaStrings.HostNotAllowed, hostname), Host, steps.Host, technicalDetails),
            nameof(VerificationOutcome.TlsFailure) => new(Format(ConnectWisePsaStrings.TlsFailure, hostname), Host, steps.Host, technicalDetails),
            nameof(VerificationOutcome.Unreachable) => new(Format(ConnectWisePsaStrings.Unreachable, hostname), Host, steps.Host, technicalDetails),
            nameof(VerificationOutcome.Timeout) => new(Format(ConnectWisePsaStrings.Timeout, hostname), [], null, technicalDetails),
            nameof(VerificationOutcome.RateLimited) => new(ConnectWisePsaStrings.RateLimited, [], null, technicalDetails),
            _ => new(Format(ConnectWisePsaStrings.ProviderError, hostname), [], null, technicalDetails),
        };
    }

    private static string Format(string message, params object[] values) => string.Format(CultureInfo.CurrentCulture, message, values);
}
