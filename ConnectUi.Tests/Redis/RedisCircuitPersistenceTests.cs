using ConnectUi.Redis;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Redis;

/// <summary>
/// Where the app's circuits are persisted, as the whole app registers it: with <c>ConnectionStrings:Redis</c> set, a
/// HybridCache on Redis under the deployment's key prefix; without it, no shared cache (the framework keeps them in memory).
/// </summary>
public sealed class RedisCircuitPersistenceTests
{
    /// <summary>Nothing listens there; registering and resolving never connects.</summary>
    private const string UnreachableRedis = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500";

    [Fact]
    public async Task With_Redis_configured_circuits_persist_to_a_HybridCache_on_Redis_under_the_key_prefix()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = UnreachableRedis,
            [RedisConnection.KeyPrefixKey] = "tenant7:",
        });

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Same(app.Services.GetRequiredService<HybridCache>(), circuits.HybridPersistenceCache);
        Assert.IsAssignableFrom<RedisCache>(app.Services.GetRequiredService<IDistributedCache>());
        Assert.Equal("tenant7:" + RedisCircuitPersistence.KeySegment, app.Services.GetRequiredService<IOptions<RedisCacheOptions>>().Value.InstanceName);
    }

    [Fact]
    public async Task Without_Redis_there_is_no_shared_circuit_cache()
    {
        await using var app = new ConnectUiWebApplicationFactory();

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Null(circuits.HybridPersistenceCache);
        Assert.Null(app.Services.GetService<HybridCache>());
        Assert.Null(app.Services.GetService<IDistributedCache>());
    }
}
