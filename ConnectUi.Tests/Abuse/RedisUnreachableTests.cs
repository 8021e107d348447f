using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.Health;
using ConnectUi.HostApi;
using ConnectUi.Providers;
using ConnectUi.Redis;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Abuse;

/// <summary>
/// With <c>ConnectionStrings:Redis</c> set and nothing answering there (a closed loopback port), attempts are refused
/// with "try again shortly", never let through unlimited; the app stays live but not ready.
/// </summary>
public sealed class RedisUnreachableTests
{
    /// <summary>Port 1 on loopback: nothing listens, so the connection is refused at once.</summary>
    private const string UnreachableRedis = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500";

    [Fact]
    public async Task A_person_s_attempt_is_refused_with_try_again_shortly_and_the_provider_is_not_called()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = UnreachableRedis })
            .Build();
        await using var db = await ConnectionsTestDatabase.CreateAsync(services =>
        {
            services.AddSingleton<IAttemptPartition>(new FixedCaller());
            services.AddRedis(configuration);
            services.AddAbuseLimits(configuration);
        });

        var result = await db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.TooManyAttempts, result.Status);
        Assert.Equal(VerificationOutcome.RateLimited, result.Outcome);
        Assert.Equal(AbuseStrings.LimitsUnavailable, result.Problem!.Message);
        Assert.Equal(0, db.Konnektive.Calls);
        Assert.Empty(await db.AttemptRowsAsync());
        Assert.IsType<RedisLockoutStore>(db.Services.GetRequiredService<ILockoutStore>());
        Assert.IsType<RedisLimiterStore>(db.Services.GetRequiredService<ILimiterStore>());
    }

    [Fact]
    public async Task The_host_API_answers_503_with_retry_after_and_readiness_names_Redis_while_liveness_stays_up()
    {
        const string apiKey = "redis-down-test-key";
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = UnreachableRedis,
            ["ConnectUi:HostApiKeys:0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))),
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        using var created = await client.PostAsJsonAsync("/api/connect/sessions", new { endUserId = "someone" });
        using var ready = await client.GetAsync(HealthEndpoints.ReadyPath);
        using var live = await client.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
        Assert.Equal("5", created.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
        Assert.Contains(HostApiRateLimiting.UnavailableDetail, await created.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(
            """{"status":"Unhealthy","checks":{"database":{"status":"Healthy"},"redis":{"status":"Unhealthy","description":"Redis cannot be reached."}}}""",
            await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private sealed class FixedCaller : IAttemptPartition
    {
        public string CallerKey => "ip:192.0.2.1";
    }
}
