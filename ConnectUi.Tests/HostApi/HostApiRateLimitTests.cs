using System.Net;
using ConnectUi.Security.Abuse;

namespace ConnectUi.Tests.HostApi;

public sealed class HostApiRateLimitTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:RateLimits:HostApi:PermitLimit"] = "2",
        ["ConnectUi:RateLimits:HostApi:Window"] = "00:01:00",
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
}
