using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectUi.Connections;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.Options;

namespace ConnectUi.Providers.Konnektive;

/// <summary>
/// Konnektive's test call: one read-only Order Query over a one-day window. Konnektive answers
/// HTTP 200 to everything, so the outcome is read from the JSON <c>result</c> and <c>message</c>.
/// </summary>
public sealed partial class KonnektiveVerifier(
    HttpClient httpClient,
    IOptions<KonnektiveOptions> options,
    IOptions<OutboundOptions> outboundOptions,
    TimeProvider timeProvider) : IProviderVerifier
{
    public const string OrderQueryPath = "order/query/";
    private const string Call = "POST order/query/";

    public string ProviderId => KonnektiveProvider.Id;

    public async Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken)
    {
        if (credentials is not KonnektiveCredentials konnektive)
        {
            throw new ArgumentException($"Expected {nameof(KonnektiveCredentials)}.", nameof(credentials));
        }

        string?[] secrets = [konnektive.ApiPassword, konnektive.ApiLoginId];
        try
        {
            var endpoint = new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), OrderQueryPath);
            var (result, retry) = Interpret(await SendAsync(endpoint, konnektive, cancellationToken), konnektive, secrets);
            if (retry)
            {
                (result, _) = Interpret(await SendAsync(endpoint, konnektive, cancellationToken), konnektive, secrets);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(VerificationOutcome.ProviderError, TechnicalDetails.Describe(Call, null, note: ex.GetType().Name, secrets: secrets));
        }
    }

    private Task<CallReply> SendAsync(Uri endpoint, KonnektiveCredentials credentials, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        return ProviderCall.SendAsync(
            httpClient,
            () => new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                // Credentials travel in the form body only, never in the URL: URLs end up in proxy and server logs.
                Content = new FormUrlEncodedContent(
                [
                    new("loginId", credentials.ApiLoginId),
                    new("password", credentials.ApiPassword),
                    new("startDate", today),
                    new("endDate", today),
                    new("resultsPerPage", "1"),
                ]),
            },
            outboundOptions.Value.Timeout,
            timeProvider,
            cancellationToken);
    }

    /// <returns>The result, and whether one more attempt may change it (never after an authentication answer).</returns>
    private static (VerificationResult Result, bool Retry) Interpret(CallReply reply, KonnektiveCredentials credentials, string?[] secrets)
    {
        string Details(string? code = null, string? message = null, string? note = null) =>
            TechnicalDetails.Describe(Call, reply, code, message, note, secrets);

        if (reply.Failure is { } failure)
        {
            var outcome = failure switch
            {
                CallFailure.Timeout => VerificationOutcome.Timeout,
                CallFailure.TlsFailure => VerificationOutcome.TlsFailure,
                _ => VerificationOutcome.Unreachable,
            };
            return (Fail(outcome, Details()), failure is CallFailure.Timeout or CallFailure.ConnectionLost);
        }

        if (reply.IsRedirect)
        {
            return (Fail(VerificationOutcome.ProviderError, Details(note: "unexpected redirect")), false);
        }

        if (reply.StatusCode == (int)HttpStatusCode.TooManyRequests)
        {
            return (Fail(VerificationOutcome.RateLimited, Details()), false);
        }

        if (reply.IsServerError)
        {
            return (Fail(VerificationOutcome.ProviderError, Details(note: DescribeBody(reply))), true);
        }

        if (reply.StatusCode is not (>= 200 and < 300))
        {
            return (Fail(VerificationOutcome.ProviderError, Details(note: DescribeBody(reply))), false);
        }

        if (!TryReadAnswer(reply.Body, out var result, out var message))
        {
            return (Fail(VerificationOutcome.ProviderError, Details(note: DescribeBody(reply))), false);
        }

        if (string.Equals(result, "SUCCESS", StringComparison.OrdinalIgnoreCase))
        {
            return (new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Konnektive CRM API user"), false);
        }

        if (!string.Equals(result, "ERROR", StringComparison.OrdinalIgnoreCase))
        {
            return (Fail(VerificationOutcome.ProviderError, Details(result, message, "unknown result")), false);
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            // A bare ERROR shows up under load; it says nothing about the credentials.
            return (Fail(VerificationOutcome.ProviderError, Details("ERROR", note: "no message")), true);
        }

        var details = Details("ERROR", message);
        return (Classify(message) switch
        {
            VerificationOutcome.Verified => new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Konnektive CRM API user"),
            VerificationOutcome.IpNotAllowed => new VerificationResult(
                VerificationOutcome.IpNotAllowed,
                KonnektiveProblems.For(VerificationOutcome.IpNotAllowed, details, ReportedIp(message))),
            var outcome => Fail(outcome, details),
        }, false);
    }

    /// <summary>Sorts an ERROR message. Authentication and IP patterns come first: they must never pass for "no orders".</summary>
    public static VerificationOutcome Classify(string message)
    {
        if (IpPattern().IsMatch(message))
        {
            return VerificationOutcome.IpNotAllowed;
        }

        if (StrongCredentialPattern().IsMatch(message))
        {
            return VerificationOutcome.InvalidCredentials;
        }

        if (PermissionPattern().IsMatch(message))
        {
            return VerificationOutcome.PermissionDenied;
        }

        if (WeakCredentialPattern().IsMatch(message))
        {
            return VerificationOutcome.InvalidCredentials;
        }

        return NoMatchesPattern().IsMatch(message) ? VerificationOutcome.Verified : VerificationOutcome.ProviderError;
    }

    /// <summary>The address at the end of "IP must be whitelisted - 203.0.113.7", when it parses as one.</summary>
    public static string? ReportedIp(string message)
    {
        var match = ReportedIpPattern().Match(message);
        return match.Success && IPAddress.TryParse(match.Groups["ip"].Value, out var address) ? address.ToString() : null;
    }

    private static bool TryReadAnswer(string? body, out string result, out string? message)
    {
        result = string.Empty;
        message = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("result", out var resultElement)
                || resultElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            result = resultElement.GetString()!;
            if (document.RootElement.TryGetProperty("message", out var messageElement))
            {
                message = messageElement.ValueKind == JsonValueKind.String ? messageElement.GetString() : null;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string DescribeBody(CallReply reply) => reply switch
    {
        { BodyTooLarge: true } => "body larger than the size cap",
        _ when string.IsNullOrWhiteSpace(reply.Body) => "empty body",
        _ when reply.Body!.TrimStart().StartsWith('<') => $"HTML body ({reply.MediaType ?? "no content type"})",
        _ => $"body is not the expected JSON ({reply.MediaType ?? "no content type"})",
    };

    private static VerificationResult Fail(VerificationOutcome outcome, string details) =>
        new(outcome, KonnektiveProblems.For(outcome, details));

    [GeneratedRegex(@"white\s*-?list|allow\s*-?list", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex IpPattern();

    [GeneratedRegex(@"-\s*(?<ip>[0-9A-Fa-f:.]{2,45})\s*\.?\s*$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ReportedIpPattern();

    [GeneratedRegex(@"credential|password|authenticat|invalid\s+login|login\s+(?:failed|invalid|incorrect)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex StrongCredentialPattern();

    [GeneratedRegex(@"permission|not\s+allowed|access\s+denied|endpoint", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex PermissionPattern();

    [GeneratedRegex(@"login|authori[sz]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex WeakCredentialPattern();

    [GeneratedRegex(@"\bno\b.*\bmatching\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, 100)]
    private static partial Regex NoMatchesPattern();
}
