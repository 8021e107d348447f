using System.Net.Sockets;
using System.Net;
using System.Security.Authentication;
using System.Text;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers;
using ConnectUi.Security.Outbound;
using ConnectUi.Tests.Security.Outbound;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Providers.ConnectWisePsa;

public sealed class ConnectWisePsaVerifierTests
{
    private const string Hostname = "api-na.myconnectwise.net";
    private const string PublicKey = "PubKeyAbc123";
    private const string PrivateKey = "PrivKeyXyz789";
    private const string ClientId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private const string CompanyInfoJson = """{"CompanyName":"Acme Corp","Codebase":"v2025_1/","VersionCode":"v2025.1","VersionNumber":"v2025.1.12345","CompanyID":"acme","IsCloud":true}""";
    private const string SystemInfoJson = """{"version":"v2025.1.12345","isCloud":true,"serverTimeZone":"Eastern Standard Time"}""";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TestServices.Now);

    private static ConnectWisePsaCredentials Credentials(string apiVersion = "2025.1", string hostname = Hostname) => new()
    {
        Hostname = hostname,
        ApiVersion = apiVersion,
        ClientId = ClientId,
        Username = $"acme+{PublicKey}",
        Password = PrivateKey,
    };

    private ConnectWisePsaVerifier Verifier(HttpMessageHandler handler, ConnectWisePsaOptions? options = null, HostnameGuard? guard = null) => new(
        new HttpClient(handler),
        Options.Create(options ?? new ConnectWisePsaOptions()),
        Options.Create(new OutboundOptions { Timeout = CallTimeout }),
        guard ?? new HostnameGuard(new FakeResolver(), Options.Create(new OutboundOptions())),
        _time);

    /// <summary>A ConnectWise server: company lookup answers <paramref name="companyInfo"/>, system/info <paramref name="systemInfo"/>.</summary>
    private static StubHttpHandler Server(Func<HttpResponseMessage> companyInfo, Func<HttpResponseMessage> systemInfo) =>
        new(request => request.RequestUri!.AbsolutePath.Contains("/login/companyinfo/", StringComparison.Ordinal) ? companyInfo() : systemInfo());

    private static StubHttpHandler SystemInfoAnswers(HttpStatusCode status, string body) =>
        Server(() => StubHttpHandler.Json(CompanyInfoJson), () => StubHttpHandler.Json(body, status));

    [Fact]
    public async Task Verifies_with_a_company_lookup_then_an_authenticated_system_info_call()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.OK, SystemInfoJson);

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Null(result.Problem);
        Assert.Equal("Acme Corp (ConnectWise PSA v2025.1.12345)", result.AccountLabel);
        Assert.Equal(2, handler.CallCount);

        var lookup = handler.Requests[0];
        Assert.Equal($"https://{Hostname}/login/companyinfo/acme", lookup.Uri.ToString());
        Assert.False(lookup.Headers.ContainsKey("Authorization"));
        Assert.False(lookup.Headers.ContainsKey("clientId"));

        var info = handler.Requests[1];
        Assert.Equal($"https://{Hostname}/v4_6_release/apis/3.0/system/info", info.Uri.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"acme+{PublicKey}:{PrivateKey}")), info.Headers["Authorization"]);
        Assert.Equal(ClientId, info.Headers["clientId"]);
        Assert.StartsWith("application/vnd.connectwise.com+json; version=2025.1", info.Headers["Accept"], StringComparison.Ordinal);
        Assert.All(handler.Requests, r => Assert.DoesNotContain(PrivateKey, r.Uri.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_go_to_the_override_base_when_configured()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.OK, SystemInfoJson);
        var options = new ConnectWisePsaOptions { BaseUrlOverride = "https://simulator.test/sandbox/connectwise" };

        var result = await Verifier(handler, options).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal("https://simulator.test/sandbox/connectwise/login/companyinfo/acme", handler.Requests[0].Uri.ToString());
        Assert.Equal("https://simulator.test/sandbox/connectwise/v4_6_release/apis/3.0/system/info", handler.Requests[1].Uri.ToString());
    }

    public static TheoryData<HttpStatusCode, string> MissingCompanies => new()
    {
        { HttpStatusCode.NotFound, "" },
        { HttpStatusCode.NotFound, """{"code":"NotFound","message":"Not found"}""" },
        { HttpStatusCode.OK, "" },
        { HttpStatusCode.OK, "null" },
        { HttpStatusCode.OK, """{"CompanyName":null,"CompanyID":""}""" },
        { HttpStatusCode.OK, """{"Codebase":"v2025_1/"}""" },
    };

    [Theory]
    [MemberData(nameof(MissingCompanies))]
    public async Task An_unknown_company_stops_before_the_authenticated_call(HttpStatusCode status, string body)
    {
        var handler = Server(() => StubHttpHandler.Json(body, status), () => throw new InvalidOperationException("system/info must not be called"));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(ConnectWisePsaOutcomes.CompanyNotFound, result.ProviderOutcome);
        Assert.Equal(1, handler.CallCount);
        Assert.Contains("\"acme\"", result.Problem!.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ConnectWisePsaCredentials.Username), result.Problem.Fields);
    }

    [Fact]
    public async Task Rejected_keys_point_at_username_and_password_and_are_never_retried()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.Unauthorized, """{"code":"UserNotAuthenticated","message":"Authentication failed."}""");

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.InvalidCredentials, result.Outcome);
        Assert.Equal(ConnectWisePsaStrings.InvalidCredentials, result.Problem!.Message);
        Assert.Equal([nameof(ConnectWisePsaCredentials.Username), nameof(ConnectWisePsaCredentials.Password)], result.Problem.Fields);
        Assert.Equal(ConnectWisePsaProvider.Steps.ClientIdAndKeys, result.Problem.GuideStepAnchor);
        Assert.Contains("UserNotAuthenticated", result.Problem.TechnicalDetails, StringComparison.Ordinal);
        Assert.Equal(2, handler.CallCount);
    }

    [Fact]
    public async Task A_role_without_permission_is_permission_denied()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.Forbidden, """{"code":"Security","message":"You do not have security permission to access System Info."}""");

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.PermissionDenied, result.Outcome);
        Assert.Equal(2, handler.CallCount);
    }

    [Theory]
    [InlineData("""{"code":"InvalidObject","message":"A valid clientId header is required."}""")]
    [InlineData("""{"code":"ClientIdRequired","message":"Missing header"}""")]
    public async Task A_refused_client_id_points_at_the_client_id_field(string body)
    {
        var result = await Verifier(SystemInfoAnswers(HttpStatusCode.BadRequest, body)).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(ConnectWisePsaOutcomes.InvalidClientId, result.ProviderOutcome);
        Assert.Equal([nameof(ConnectWisePsaCredentials.ClientId)], result.Problem!.Fields);
    }

    [Fact]
    public async Task An_unsupported_api_version_offers_the_servers_version()
    {
        var companyInfo = """{"CompanyName":"Acme Corp","Codebase":"v2024_2/","CompanyID":"acme"}""";
        var handler = Server(
            () => StubHttpHandler.Json(companyInfo),
            () => StubHttpHandler.Json("""{"code":"InvalidObject","message":"The server does not support the API version '2030.1'."}""", HttpStatusCode.BadRequest));

        var result = await Verifier(handler).VerifyAsync(Credentials("2030.1"), CancellationToken.None);

        Assert.Equal(ConnectWisePsaOutcomes.UnsupportedApiVersion, result.ProviderOutcome);
        Assert.Equal([nameof(ConnectWisePsaCredentials.ApiVersion)], result.Problem!.Fields);
        Assert.Equal(ConnectWisePsaProvider.Steps.HostnameAndVersion, result.Problem.GuideStepAnchor);
        Assert.Equal("2024.2", result.Problem.SuggestedValues![nameof(ConnectWisePsaCredentials.ApiVersion)]);
        Assert.Contains("2024.2", result.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025.1\n")]
    [InlineData("2025.1\r\nX-Injected: 1")]
    [InlineData("\uff12\uff10\uff12\uff15.1")]
    [InlineData("2025.\u0661")]
    public async Task An_api_version_the_form_refuses_is_never_sent(string apiVersion)
    {
        var handler = SystemInfoAnswers(HttpStatusCode.OK, SystemInfoJson);

        var result = await Verifier(handler).VerifyAsync(Credentials(apiVersion), CancellationToken.None);

        Assert.Equal(ConnectWisePsaOutcomes.UnsupportedApiVersion, result.ProviderOutcome);
        Assert.Equal(0, handler.CallCount);
    }

    [Fact]
    public async Task Other_bad_requests_are_provider_errors()
    {
        var result = await Verifier(SystemInfoAnswers(HttpStatusCode.BadRequest, """{"code":"InvalidObject","message":"Something else"}""")).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
    }

    [Fact]
    public async Task Rate_limiting_is_reported_without_retry()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.TooManyRequests, """{"code":"TooManyRequests","message":"slow down"}""");

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.RateLimited, result.Outcome);
        Assert.Equal(2, handler.CallCount);
    }

    [Fact]
    public async Task A_server_error_is_retried_once()
    {
        var handler = Server(() => StubHttpHandler.Json(CompanyInfoJson), () => StubHttpHandler.Html("<html><body>Oops</body></html>", HttpStatusCode.InternalServerError));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Equal(3, handler.CallCount);
        Assert.Contains("HTTP 500", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
        Assert.Contains("HTML body", result.Problem.TechnicalDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var handler = Server(
            () => new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("http://10.0.0.1/") } },
            () => throw new InvalidOperationException("system/info must not be called"));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Contains("redirect", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
        Assert.Equal(1, handler.CallCount);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Sign in</body></html>", "HTML body")]
    [InlineData("""{"CompanyID":""", "not the expected JSON")]
    public async Task A_company_lookup_that_is_not_connectwise_json_is_a_provider_error(string body, string detail)
    {
        var handler = Server(() => StubHttpHandler.Json(body), () => throw new InvalidOperationException("system/info must not be called"));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Contains(detail, result.Problem!.TechnicalDetails, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html></html>")]
    [InlineData("""{"isCloud":true}""")]
    [InlineData("{")]
    public async Task An_unreadable_system_info_answer_is_a_provider_error(string body)
    {
        var result = await Verifier(SystemInfoAnswers(HttpStatusCode.OK, body)).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
    }

    [Fact]
    public async Task A_huge_body_is_cut_off_at_the_cap()
    {
        var huge = """{"version":"v2025.1.1","padding":""" + "\"" + new string('x', LimitedBody.DefaultMaxBytes) + "\"}";

        var result = await Verifier(SystemInfoAnswers(HttpStatusCode.OK, huge)).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Contains("size cap", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
    }

    public static TheoryData<string, VerificationOutcome, string?> TransportFailures => new()
    {
        { "dns", VerificationOutcome.HostNotFound, ConnectWisePsaProvider.Steps.HostnameAndVersion },
        { "dns-socket", VerificationOutcome.HostNotFound, ConnectWisePsaProvider.Steps.HostnameAndVersion },
        { "tls", VerificationOutcome.TlsFailure, ConnectWisePsaProvider.Steps.HostnameAndVersion },
        { "tls-inner", VerificationOutcome.TlsFailure, ConnectWisePsaProvider.Steps.HostnameAndVersion },
        { "refused", VerificationOutcome.Unreachable, ConnectWisePsaProvider.Steps.HostnameAndVersion },
        { "reset", VerificationOutcome.Unreachable, ConnectWisePsaProvider.Steps.HostnameAndVersion },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task Network_failures_become_outcomes_about_the_hostname(string failure, VerificationOutcome expected, string? step)
    {
        Exception error = failure switch
        {
            "dns" => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"),
            "dns-socket" => new HttpRequestException("failed", new SocketException((int)SocketError.HostNotFound)),
            "tls" => new HttpRequestException(HttpRequestError.SecureConnectionError, "SSL failed"),
            "tls-inner" => new HttpRequestException("SSL failed", new AuthenticationException("remote certificate invalid")),
            "refused" => new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)),
            _ => new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))),
        };
        var handler = new StubHttpHandler(_ => throw error);

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal([nameof(ConnectWisePsaCredentials.Hostname)], result.Problem!.Fields);
        Assert.Equal(step, result.Problem.GuideStepAnchor);
        Assert.Contains(Hostname, result.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(failure == "reset" ? 2 : 1, handler.CallCount);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_timeout_after_one_retry()
    {
        var handler = new StubHttpHandler((_, ct) => StubHttpHandler.NeverAsync(ct));

        var verifying = Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);
        await handler.WaitForRequestAsync();
        _time.Advance(CallTimeout);
        await handler.WaitForRequestAsync();
        _time.Advance(CallTimeout);
        var result = await verifying;

        Assert.Equal(VerificationOutcome.Timeout, result.Outcome);
        Assert.Equal(2, handler.CallCount);
        Assert.Contains("Timeout", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new StubHttpHandler((_, ct) => StubHttpHandler.NeverAsync(ct));

        var verifying = Verifier(handler).VerifyAsync(Credentials(), cancel.Token);
        await handler.WaitForRequestAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => verifying);
    }

    [Theory]
    [InlineData("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/")]
    [InlineData("10.0.0.1")]
    [InlineData("localhost")]
    [InlineData("cw.example.com:8443")]
    public async Task A_hostname_that_is_not_a_bare_public_name_is_refused_before_any_call(string hostname)
    {
        var handler = new StubHttpHandler(_ => throw new InvalidOperationException("no call expected"));

        var result = await Verifier(handler).VerifyAsync(Credentials(hostname: hostname), CancellationToken.None);

        Assert.Equal(VerificationOutcome.HostNotAllowed, result.Outcome);
        Assert.Equal(0, handler.CallCount);
    }

    [Fact]
    public async Task A_hostname_resolving_to_a_private_address_is_refused_by_the_guard_without_connecting()
    {
        var connector = new RecordingConnector();
        var guard = new HostnameGuard(new FakeResolver([IPAddress.Parse("10.20.30.40")]), Options.Create(new OutboundOptions()), connector.ConnectAsync);

        var result = await Verifier(guard.CreateHandler(), guard: guard).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.HostNotAllowed, result.Outcome);
        Assert.Equal(ConnectWisePsaProvider.Steps.HostnameAndVersion, result.Problem!.GuideStepAnchor);
        Assert.Contains("private network", result.Problem.TechnicalDetails, StringComparison.Ordinal);
        Assert.Empty(connector.EndPoints);
    }

    [Fact]
    public async Task A_plain_http_override_is_refused_unless_it_is_an_allowed_loopback_simulator()
    {
        var handler = SystemInfoAnswers(HttpStatusCode.OK, SystemInfoJson);

        var refused = await Verifier(handler, new ConnectWisePsaOptions { BaseUrlOverride = "http://127.0.0.1:5000/sandbox/connectwise" })
            .VerifyAsync(Credentials(), CancellationToken.None);
        var allowed = await Verifier(handler, new ConnectWisePsaOptions { BaseUrlOverride = "http://127.0.0.1:5000/sandbox/connectwise", AllowLoopbackOverride = true })
            .VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.HostNotAllowed, refused.Outcome);
        Assert.Equal(VerificationOutcome.Verified, allowed.Outcome);
    }

    [Fact]
    public async Task Technical_details_and_result_text_hold_no_secret_even_when_the_server_echoes_them()
    {
        var echo = $$"""{"code":"UserNotAuthenticated","message":"Bad key {{PublicKey}} / {{PrivateKey}} for client {{ClientId}}"}""";

        var result = await Verifier(SystemInfoAnswers(HttpStatusCode.Unauthorized, echo)).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.InvalidCredentials, result.Outcome);
        foreach (var secret in new[] { PublicKey, PrivateKey, ClientId })
        {
            Assert.DoesNotContain(secret, result.Problem!.TechnicalDetails, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, result.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(TechnicalDetails.Redacted, result.Problem!.TechnicalDetails, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2025.1.12345", "2025.1")]
    [InlineData("v2025.16", "2025.16")]
    [InlineData("v2025_1/", "2025.1")]
    [InlineData("v2019_3/", "2019.3")]
    [InlineData("garbage", null)]
    [InlineData(null, null)]
    public void Reads_the_servers_version(string? value, string? expected) =>
        Assert.Equal(expected, ConnectWisePsaVerifier.ParseServerVersion(value));
}
