using System.Net;
using System.Net.Http.Json;
using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.HostApi;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.HostApi;

/// <summary>The <c>host-api</c> policy on a stand-in endpoint, behind a stand-in for the key check that sets the caller.</summary>
public sealed class HostApiRateLimitingTests : IAsyncLifetime
{
    private const string CallerHeader = "X-Test-Caller";
    private readonly FakeTimeProvider _time = new(TestServices.Now);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectUi:RateLimits:HostApi:PermitLimit"] = "3",
            ["ConnectUi:RateLimits:HostApi:Window"] = "00:01:00",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IConnectionService>(new FakeConnectionService());
        builder.Services.AddAbuseLimits(builder.Configuration);
        builder.Services.AddHostApiRateLimit();
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            if (context.Request.Headers[CallerHeader].ToString() is { Length: > 0 } keyId)
            {
                context.Features.Set(new HostApiCaller(keyId));
            }

            return next(context);
        });
        _app.UseRateLimiter();
        _app.MapGet("/api/ping", () => "pong").RequireRateLimiting(HostApiRateLimiting.Policy);
        _app.MapGet("/unlimited", () => "pong");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_a_key_gets_429_with_retry_after_and_a_problem()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync("key-a")).StatusCode);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        using var refused = await SendAsync("key-a");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(429, problem!.Status);
        Assert.Equal("Too many requests. Try again in 30 seconds.", problem.Detail);
    }

    [Fact]
    public async Task Keys_are_limited_apart_and_requests_without_a_caller_by_address()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("key-a");
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync("key-b")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(keyId: null)).StatusCode);
    }

    [Fact]
    public async Task Key_headers_do_not_choose_the_partition_the_authenticated_caller_does()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("key-a", xApiKey: $"junk-{i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync("key-a", xApiKey: "junk-new")).StatusCode);
    }

    [Fact]
    public async Task Endpoints_without_the_policy_are_not_limited()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("key-a");
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/unlimited")).StatusCode);
        }
    }

    [Fact]
    public void The_partition_is_the_callers_key_id_and_ignores_key_headers()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Api-Key"] = "secret-host-key";
        context.Request.Headers.Authorization = "Bearer other-secret";
        context.Features.Set(new HostApiCaller("3f2a9c"));

        Assert.Equal("key:3f2a9c", HostApiRateLimiting.PartitionKey(context));
    }

    private Task<HttpResponseMessage> SendAsync(string? keyId, string? xApiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        if (keyId is not null)
        {
            request.Headers.Add(CallerHeader, keyId);
        }

        if (xApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", xApiKey);
        }

        return _client.SendAsync(request);
    }
}
