using System.Net;
using ConnectUi.Abuse;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.HostApi;

/// <summary>
/// The host API's limits over the whole app: the per-key limit follows the key the request was authenticated with,
/// whatever other key headers it carries, and failed authentication is limited per client address.
/// </summary>
public sealed class HostApiRateLimitTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:RateLimits:HostApi:PermitLimit"] = "2",
        ["ConnectUi:RateLimits:HostApi:Window"] = "00:01:00",
        ["ConnectUi:RateLimits:FailedAuthentication:PermitLimit"] = "3",
        ["ConnectUi:RateLimits:FailedAuthentication:Window"] = "00:01:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_host_key_over_its_limit_gets_429_with_retry_after_and_a_problem_body_while_another_key_is_served()
    {
        using var client = _app.CreateHostClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("api/connections?endUserId=user-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("api/connections?endUserId=user-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many requests. Try again in 60 seconds.", await refused.Content.ReadAsStringAsync());

        using var other = _app.CreateHostClient(HostApiTestApp.OtherApiKey);
        using var otherResponse = await other.GetAsync("api/connections?endUserId=user-1");
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);

        _app.Time.Advance(TimeSpan.FromSeconds(61));
        using var afterWindow = await client.GetAsync("api/connections?endUserId=user-1");
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task A_changing_junk_X_Api_Key_beside_a_valid_bearer_key_does_not_reset_the_keys_limit()
    {
        using var client = _app.CreateHostClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/connections?endUserId=user-1");
            request.Headers.Add("X-Api-Key", $"junk-{i}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 8)], statuses);
    }

    [Fact]
    public async Task Re_verification_with_both_headers_makes_no_more_provider_calls_than_the_keys_limit()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        var callsBefore = _app.Konnektive.Calls;
        using var client = _app.CreateHostClient();

        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/connections/{id}/verify");
            request.Headers.Add("X-Api-Key", Guid.NewGuid().ToString());
            using var _ = await client.SendAsync(request);
        }

        Assert.Equal(2, _app.Konnektive.Calls - callsBefore);
    }

    [Fact]
    public async Task The_bearer_key_is_the_one_authenticated_so_a_junk_bearer_beside_a_valid_X_Api_Key_is_refused()
    {
        using var client = _app.CreateHostClient("junk-bearer");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/connections?endUserId=user-1");
        request.Headers.Add("X-Api-Key", HostApiTestApp.ApiKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_keys_from_one_address_are_limited_and_then_even_a_right_key_from_it_waits()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var wrong = _app.CreateHostClient($"guess-{i}");
            using var response = await wrong.GetAsync("api/connections?endUserId=user-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

        // A right guess must not answer differently from a wrong one while the address is blocked.
        using var right = _app.CreateHostClient();
        using var blocked = await right.GetAsync("api/connections?endUserId=user-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), blocked.Headers.RetryAfter?.Delta);

        _app.Time.Advance(TimeSpan.FromSeconds(61));
        using var later = await right.GetAsync("api/connections?endUserId=user-1");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Successful_requests_do_not_use_up_the_addresss_failure_allowance()
    {
        using var right = _app.CreateHostClient();
        using var other = _app.CreateHostClient(HostApiTestApp.OtherApiKey);
        for (var i = 0; i < 2; i++)
        {
            using var a = await right.GetAsync("api/connections?endUserId=user-1");
            using var b = await other.GetAsync("api/connections?endUserId=user-1");
        }

        using var wrong = _app.CreateHostClient("guess");
        using var response = await wrong.GetAsync("api/connections?endUserId=user-1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
