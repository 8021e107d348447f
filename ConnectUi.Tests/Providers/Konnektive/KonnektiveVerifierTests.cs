using System.Net.Sockets;
using System.Net;
using System.Web;
using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Security.Outbound;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Providers.Konnektive;

public sealed class KonnektiveVerifierTests
{
    private const string LoginId = "acme_api_user";
    private const string Password = "Sup3r-Secret!pw";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TestServices.Now);

    private static KonnektiveCredentials Credentials() => new() { ApiLoginId = LoginId, ApiPassword = Password };

    private KonnektiveVerifier Verifier(StubHttpHandler handler) => new(
        new HttpClient(handler),
        Options.Create(new KonnektiveOptions { BaseUrl = "https://konnektive.test" }),
        Options.Create(new OutboundOptions { Timeout = CallTimeout }),
        _time);

    private static StubHttpHandler Answering(string json) => new(_ => StubHttpHandler.Json(json));

    [Theory]
    [InlineData("""{"result":"SUCCESS","message":{"totalResults":3,"resultsPerPage":1,"page":1,"data":[{}]}}""", VerificationOutcome.Verified)]
    [InlineData("""{"result":"ERROR","message":"No orders matching those parameters could be found"}""", VerificationOutcome.Verified)]
    [InlineData("""{"result":"ERROR","message":"No results matching the query"}""", VerificationOutcome.Verified)]
    [InlineData("""{"result":"ERROR","message":"IP must be whitelisted - 203.0.113.7"}""", VerificationOutcome.IpNotAllowed)]
    [InlineData("""{"result":"ERROR","message":"Invalid login credentials"}""", VerificationOutcome.InvalidCredentials)]
    [InlineData("""{"result":"ERROR","message":"Incorrect password"}""", VerificationOutcome.InvalidCredentials)]
    [InlineData("""{"result":"ERROR","message":"User not authenticated"}""", VerificationOutcome.InvalidCredentials)]
    [InlineData("""{"result":"ERROR","message":"Login not authorized"}""", VerificationOutcome.InvalidCredentials)]
    [InlineData("""{"result":"ERROR","message":"This API user does not have permission to use the order/query endpoint"}""", VerificationOutcome.PermissionDenied)]
    [InlineData("""{"result":"ERROR","message":"Access denied"}""", VerificationOutcome.PermissionDenied)]
    [InlineData("""{"result":"ERROR","message":"Action not allowed"}""", VerificationOutcome.PermissionDenied)]
    [InlineData("""{"result":"ERROR","message":"Invalid login credentials: no orders matching"}""", VerificationOutcome.InvalidCredentials)]
    [InlineData("""{"result":"ERROR","message":"Something broke"}""", VerificationOutcome.ProviderError)]
    [InlineData("""{"result":"MAYBE","message":"?"}""", VerificationOutcome.ProviderError)]
    public async Task Maps_each_answer_to_its_outcome(string json, VerificationOutcome expected)
    {
        var result = await Verifier(Answering(json)).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == VerificationOutcome.Verified, result.Problem is null);
    }

    [Fact]
    public async Task Sends_a_one_day_order_query_with_credentials_in_the_form_body_only()
    {
        var handler = Answering("""{"result":"SUCCESS","message":{}}""");

        await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://konnektive.test/order/query/", request.Uri.ToString());
        Assert.Empty(request.Uri.Query);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var form = HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal(LoginId, form["loginId"]);
        Assert.Equal(Password, form["password"]);
        Assert.Equal("11/23/2026", form["startDate"]);
        Assert.Equal("11/23/2026", form["endDate"]);
        Assert.Equal("1", form["resultsPerPage"]);
        Assert.DoesNotContain(request.Headers.Values, v => v.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ip_refusal_shows_the_address_Konnektive_saw()
    {
        var result = await Verifier(Answering("""{"result":"ERROR","message":"IP must be whitelisted - 198.51.100.23"}""")).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.IpNotAllowed, result.Outcome);
        Assert.Contains("198.51.100.23", result.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(KonnektiveProvider.Steps.FindCredentials, result.Problem.GuideStepAnchor);
    }

    [Fact]
    public async Task Invalid_credentials_point_at_both_fields_and_are_never_retried()
    {
        var handler = Answering("""{"result":"ERROR","message":"Invalid login credentials"}""");

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(1, handler.CallCount);
        Assert.Equal(KonnektiveStrings.InvalidCredentials, result.Problem!.Message);
        Assert.Equal([nameof(KonnektiveCredentials.ApiLoginId), nameof(KonnektiveCredentials.ApiPassword)], result.Problem.Fields);
        Assert.Equal(KonnektiveProvider.Steps.FindCredentials, result.Problem.GuideStepAnchor);
    }

    [Fact]
    public async Task Permission_refusal_names_order_query_under_access_details()
    {
        var result = await Verifier(Answering("""{"result":"ERROR","message":"Permission denied for endpoint"}""")).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.PermissionDenied, result.Outcome);
        Assert.Contains("Order Query", result.Problem!.Message, StringComparison.Ordinal);
        Assert.Contains("Access Details", result.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_error_is_tried_once_more()
    {
        var answers = new Queue<string>(["""{"result":"ERROR"}""", """{"result":"SUCCESS","message":{}}"""]);
        var handler = new StubHttpHandler(_ => StubHttpHandler.Json(answers.Dequeue()));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal(2, handler.CallCount);
    }

    [Fact]
    public async Task A_server_error_page_is_retried_once_then_reported_with_its_status()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Html("<html><body>Bad gateway</body></html>", HttpStatusCode.BadGateway));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Equal(2, handler.CallCount);
        Assert.Contains("HTTP 502", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
        Assert.Contains("HTML", result.Problem.TechnicalDetails, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("   ", "empty body")]
    [InlineData("<!DOCTYPE html><html><body>Maintenance</body></html>", "HTML body")]
    [InlineData("""{"result":"SUCC""", "not the expected JSON")]
    [InlineData("""["SUCCESS"]""", "not the expected JSON")]
    [InlineData("""{"message":"ok"}""", "not the expected JSON")]
    public async Task Unreadable_answers_are_provider_errors(string body, string detail)
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Json(body));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Equal(KonnektiveStrings.ProviderError, result.Problem!.Message);
        Assert.Contains(detail, result.Problem.TechnicalDetails, StringComparison.Ordinal);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://elsewhere.test/") } });

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Contains("redirect", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task A_huge_body_is_cut_off_at_the_cap()
    {
        var huge = """{"result":"SUCCESS","message":""" + "\"" + new string('x', LimitedBody.DefaultMaxBytes) + "\"}";
        var handler = new StubHttpHandler(_ => StubHttpHandler.Json(huge));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.ProviderError, result.Outcome);
        Assert.Contains("size cap", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_is_reported_without_retry()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.RateLimited, result.Outcome);
        Assert.Equal(1, handler.CallCount);
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
        Assert.Equal(KonnektiveStrings.Timeout, result.Problem!.Message);
        Assert.Equal(2, handler.CallCount);
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
        Assert.Equal(1, handler.CallCount);
    }

    [Fact]
    public async Task Network_failures_do_not_escape()
    {
        var handler = new StubHttpHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.Unreachable, result.Outcome);
        Assert.Equal(KonnektiveStrings.Unreachable, result.Problem!.Message);
    }

    [Fact]
    public async Task Technical_details_and_the_result_text_never_hold_the_password_even_when_echoed()
    {
        var handler = Answering($$"""{"result":"ERROR","message":"Invalid login credentials for password {{Password}}"}""");

        var result = await Verifier(handler).VerifyAsync(Credentials(), CancellationToken.None);

        Assert.Equal(VerificationOutcome.InvalidCredentials, result.Outcome);
        Assert.Contains("HTTP 200", result.Problem!.TechnicalDetails, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Problem.TechnicalDetails, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, result.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, Credentials().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IP must be whitelisted - 203.0.113.7", "203.0.113.7")]
    [InlineData("IP must be whitelisted - 2001:db8::7", "2001:db8::7")]
    [InlineData("IP must be whitelisted", null)]
    [InlineData("IP must be whitelisted - unknown", null)]
    public void Reads_the_reported_address(string message, string? expected) =>
        Assert.Equal(expected, KonnektiveVerifier.ReportedIp(message));
}
