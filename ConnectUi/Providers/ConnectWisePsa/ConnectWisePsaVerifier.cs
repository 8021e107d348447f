using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using ConnectUi.Connections;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.Options;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>
/// ConnectWise PSA's test call, cheapest first: the unauthenticated company lookup confirms host and
/// company, then <c>system/info</c> with full authentication confirms the keys, client id and API version.
/// </summary>
public sealed partial class ConnectWisePsaVerifier(
    HttpClient httpClient,
    IOptions<ConnectWisePsaOptions> options,
    IOptions<OutboundOptions> outboundOptions,
    HostnameGuard guard,
    TimeProvider timeProvider) : IProviderVerifier
{
    public const string CompanyInfoPath = "login/companyinfo/";
    public const string SystemInfoPath = "v4_6_release/apis/3.0/system/info";
    public const string MediaType = "application/vnd.connectwise.com+json";
    private const string CompanyInfoCall = "GET login/companyinfo";
    private const string SystemInfoCall = "GET system/info";

    public string ProviderId => ConnectWisePsaProvider.Id;

    public async Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken)
    {
        if (credentials is not ConnectWisePsaCredentials cw)
        {
            throw new ArgumentException($"Expected {nameof(ConnectWisePsaCredentials)}.", nameof(credentials));
        }

        var call = new Attempt(cw, Secrets(cw));
        try
        {
            var (baseUri, refusal) = ResolveBase(cw.Hostname);
            if (refusal is not null || baseUri is null)
            {
                return call.Fail(VerificationOutcome.HostNotAllowed, TechnicalDetails.Describe("before any call", null, note: refusal ?? "no base address", secrets: call.Secrets));
            }

            if (!ApiVersionPattern().IsMatch(cw.ApiVersion))
            {
                return call.Fail(ConnectWisePsaOutcomes.UnsupportedApiVersion, TechnicalDetails.Describe("before any call", null, note: "API version is not year.release", secrets: call.Secrets));
            }

            var companyUri = new Uri(baseUri, CompanyInfoPath + Uri.EscapeDataString(cw.CompanyId));
            var (company, failure) = await WithOneRetryAsync(
                () => SendAsync(() => CompanyInfoRequest(companyUri), cancellationToken),
                reply => InterpretCompanyInfo(reply, call)).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            var systemUri = new Uri(baseUri, SystemInfoPath);
            var (verified, systemFailure) = await WithOneRetryAsync(
                () => SendAsync(() => SystemInfoRequest(systemUri, cw), cancellationToken),
                reply => InterpretSystemInfo(reply, call, company!)).ConfigureAwait(false);
            return systemFailure ?? verified!;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return call.Fail(VerificationOutcome.ProviderError, TechnicalDetails.Describe("verification", null, note: ex.GetType().Name, secrets: call.Secrets));
        }
    }

    /// <summary>The server's API version as year.release, from "v2025.1.12345", "v2025.1" or the codebase "v2025_1/".</summary>
    public static string? ParseServerVersion(string? value)
    {
        var match = ServerVersionPattern().Match(value ?? string.Empty);
        return match.Success ? $"{match.Groups["year"].Value}.{match.Groups["release"].Value}" : null;
    }

    private (Uri? Base, string? Refusal) ResolveBase(string hostname)
    {
        var configured = options.Value.BaseUrlOverride;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var overrideUri))
            {
                return (null, "BaseUrlOverride is not an absolute URL");
            }

            return (overrideUri, guard.CheckTarget(overrideUri, viaOverride: true, options.Value.AllowLoopbackOverride));
        }

        var host = hostname.Trim().ToLowerInvariant();
        if (!HostnameNormalizer.IsValidHostname(host))
        {
            return (null, "not a valid hostname");
        }

        var uri = new Uri($"https://{host}/");
        return (uri, guard.CheckTarget(uri));
    }

    private HttpRequestMessage CompanyInfoRequest(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        MarkOverride(request);
        return request;
    }

    private HttpRequestMessage SystemInfoRequest(Uri uri, ConnectWisePsaCredentials credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        request.Headers.TryAddWithoutValidation("clientId", credentials.ClientId);

        // ConnectWise reads the version from the first media type, so the versioned one goes alone and first.
        request.Headers.TryAddWithoutValidation("Accept", $"{MediaType}; version={credentials.ApiVersion}");
        MarkOverride(request);
        return request;
    }

    private void MarkOverride(HttpRequestMessage request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrlOverride) && options.Value.AllowLoopbackOverride)
        {
            request.Options.Set(HostnameGuard.AllowLoopbackKey, true);
        }
    }

    private Task<CallReply> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        ProviderCall.SendAsync(httpClient, createRequest, outboundOptions.Value.Timeout, timeProvider, cancellationToken);

    private static async Task<(T? Value, VerificationResult? Failure)> WithOneRetryAsync<T>(
        Func<Task<CallReply>> send,
        Func<CallReply, Interpretation<T>> interpret)
    {
        var first = interpret(await send().ConfigureAwait(false));
        var final = first.Retry ? interpret(await send().ConfigureAwait(false)) : first;
        return (final.Value, final.Failure);
    }

    private static Interpretation<CompanyInfo> InterpretCompanyInfo(CallReply reply, Attempt call)
    {
        string Details(string? note = null) => TechnicalDetails.Describe(CompanyInfoCall, reply, note: note, secrets: call.Secrets);

        if (TransportFailure(reply, call, CompanyInfoCall) is { } transport)
        {
            return transport.As<CompanyInfo>();
        }

        if (reply.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return new(default, call.Fail(ConnectWisePsaOutcomes.CompanyNotFound, Details()));
        }

        if (StatusFailure(reply, call, CompanyInfoCall) is { } status)
        {
            return status.As<CompanyInfo>();
        }

        if (string.IsNullOrWhiteSpace(reply.Body))
        {
            return new(default, call.Fail(ConnectWisePsaOutcomes.CompanyNotFound, Details("empty body")));
        }

        if (!TryParseObject(reply.Body, out var json))
        {
            // JSON null is how some servers say "no such company"; anything else is not ConnectWise talking.
            return reply.Body.Trim() == "null"
                ? new(default, call.Fail(ConnectWisePsaOutcomes.CompanyNotFound, Details("null body")))
                : new(default, call.Fail(VerificationOutcome.ProviderError, Details(DescribeBody(reply))));
        }

        using (json)
        {
            var root = json.RootElement;
            if (string.IsNullOrWhiteSpace(ReadString(root, "CompanyID")))
            {
                return new(default, call.Fail(ConnectWisePsaOutcomes.CompanyNotFound, Details("no CompanyID in answer")));
            }

            var version = ParseServerVersion(ReadString(root, "VersionCode"))
                ?? ParseServerVersion(ReadString(root, "Codebase"))
                ?? ParseServerVersion(ReadString(root, "VersionNumber"));
            return new(new CompanyInfo(ReadString(root, "CompanyName") ?? call.Credentials.CompanyId, version), null);
        }
    }

    private static Interpretation<VerificationResult> InterpretSystemInfo(CallReply reply, Attempt call, CompanyInfo company)
    {
        if (TransportFailure(reply, call, SystemInfoCall) is { } transport)
        {
            return transport.As<VerificationResult>();
        }

        var (code, message) = ReadError(reply.Body);
        string Details(string? note = null) => TechnicalDetails.Describe(SystemInfoCall, reply, code, message, note, call.Secrets);

        switch (reply.StatusCode)
        {
            case (int)HttpStatusCode.Unauthorized:
                return new(default, call.Fail(VerificationOutcome.InvalidCredentials, Details()));
            case (int)HttpStatusCode.Forbidden:
                return new(default, call.Fail(VerificationOutcome.PermissionDenied, Details()));
            case >= 400 and < 500 when $"{code} {message}".Contains("API version", StringComparison.OrdinalIgnoreCase):
                return new(default, call.Fail(ConnectWisePsaOutcomes.UnsupportedApiVersion, Details(), company.ServerVersion));
            case (int)HttpStatusCode.BadRequest when $"{code} {message}".Contains("clientId", StringComparison.OrdinalIgnoreCase):
                return new(default, call.Fail(ConnectWisePsaOutcomes.InvalidClientId, Details()));
        }

        if (StatusFailure(reply, call, SystemInfoCall, code, message) is { } status)
        {
            return status.As<VerificationResult>();
        }

        if (!TryParseObject(reply.Body, out var json))
        {
            return new(default, call.Fail(VerificationOutcome.ProviderError, Details(DescribeBody(reply))));
        }

        using (json)
        {
            var serverVersion = ReadString(json.RootElement, "version");
            if (serverVersion is null)
            {
                return new(default, call.Fail(VerificationOutcome.ProviderError, Details("no version in answer")));
            }

            return new(new VerificationResult(VerificationOutcome.Verified, AccountLabel: $"{company.Name} (ConnectWise PSA {serverVersion})"), null);
        }
    }

    private static Interpretation<object>? TransportFailure(CallReply reply, Attempt call, string callName)
    {
        if (reply.Failure is not { } failure)
        {
            return null;
        }

        var outcome = failure switch
        {
            CallFailure.Timeout => VerificationOutcome.Timeout,
            CallFailure.HostNotFound => VerificationOutcome.HostNotFound,
            CallFailure.HostNotAllowed => VerificationOutcome.HostNotAllowed,
            CallFailure.TlsFailure => VerificationOutcome.TlsFailure,
            _ => VerificationOutcome.Unreachable,
        };
        var details = TechnicalDetails.Describe(callName, reply, note: reply.FailureReason, secrets: call.Secrets);
        return new(null, call.Fail(outcome, details), failure is CallFailure.Timeout or CallFailure.ConnectionLost);
    }

    /// <summary>Answers that are failures whatever the call: redirects, rate limits, server errors and other non-2xx.</summary>
    private static Interpretation<object>? StatusFailure(CallReply reply, Attempt call, string callName, string? code = null, string? message = null)
    {
        string Details(string? note = null) => TechnicalDetails.Describe(callName, reply, code, message, note, call.Secrets);

        return reply switch
        {
            { IsRedirect: true } => new(null, call.Fail(VerificationOutcome.ProviderError, Details("unexpected redirect"))),
            { StatusCode: (int)HttpStatusCode.TooManyRequests } => new(null, call.Fail(VerificationOutcome.RateLimited, Details())),
            { IsServerError: true } => new(null, call.Fail(VerificationOutcome.ProviderError, Details(DescribeBody(reply))), Retry: true),
            { StatusCode: not (>= 200 and < 300) } => new(null, call.Fail(VerificationOutcome.ProviderError, Details(DescribeBody(reply)))),
            { BodyTooLarge: true } => new(null, call.Fail(VerificationOutcome.ProviderError, Details(DescribeBody(reply)))),
            _ => null,
        };
    }

    private static (string? Code, string? Message) ReadError(string? body)
    {
        if (!TryParseObject(body, out var json))
        {
            return (null, null);
        }

        using (json)
        {
            return (ReadString(json.RootElement, "code"), ReadString(json.RootElement, "message"));
        }
    }

    private static bool TryParseObject(string? body, out JsonDocument json)
    {
        json = null!;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            json.Dispose();
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A string property, by exact name first and then ignoring case: third-party clients disagree on casing.</summary>
    private static string? ReadString(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact))
        {
            return exact.ValueKind == JsonValueKind.String ? exact.GetString() : exact.ValueKind is JsonValueKind.Number ? exact.GetRawText() : null;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
        }

        return null;
    }

    private static string DescribeBody(CallReply reply) => reply switch
    {
        { BodyTooLarge: true } => "body larger than the size cap",
        _ when string.IsNullOrWhiteSpace(reply.Body) => "empty body",
        _ when reply.Body!.TrimStart().StartsWith('<') => $"HTML body ({reply.MediaType ?? "no content type"})",
        _ => $"body is not the expected JSON ({reply.MediaType ?? "no content type"})",
    };

    /// <summary>Every credential value that must never appear in technical details.</summary>
    private static string?[] Secrets(ConnectWisePsaCredentials credentials)
    {
        var keyPart = credentials.Username.Contains('+') ? credentials.Username.Split('+', 2)[1] : credentials.Username;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
        return [credentials.Password, credentials.ClientId, keyPart, basic];
    }

    private sealed record CompanyInfo(string Name, string? ServerVersion);

    private sealed record Interpretation<T>(T? Value, VerificationResult? Failure, bool Retry = false)
    {
        public Interpretation<TOther> As<TOther>() => new(default, Failure, Retry);
    }

    private sealed record Attempt(ConnectWisePsaCredentials Credentials, string?[] Secrets)
    {
        public VerificationResult Fail(ProviderOutcome outcome, string details, string? serverVersion = null) => VerificationResult.Failed(
            outcome,
            ConnectWisePsaProblems.For(outcome, Credentials.Hostname, Credentials.CompanyId, Credentials.ApiVersion, details, serverVersion));
    }

    // Same shape as the validator's: [0-9] and \z, since \d matches non-ASCII digits and $ matches before a trailing line break.
    [GeneratedRegex(@"^(19|20)[0-9]{2}\.[0-9]{1,3}\z", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"v?(?<year>(?:19|20)\d{2})[._](?<release>\d{1,3})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ServerVersionPattern();
}
