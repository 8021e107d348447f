using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace ConnectUi.Redis;

/// <summary>
/// Where a paused or evicted circuit's state goes when Redis is configured: a <see cref="HybridCache"/> whose second level
/// is Redis, on the app's one connection and under its key prefix, set as <see cref="CircuitOptions.HybridPersistenceCache"/>.
/// A circuit persisted by one instance is then resumed by whichever instance the person reaches next. Without Redis the
/// framework keeps persisted circuits in the memory of the instance that paused them.
/// </summary>
public static class RedisCircuitPersistence
{
    /// <summary>The part of the key prefix under which persisted circuits live: <c>{KeyPrefix}circuits:</c>.</summary>
    public const string KeySegment = "circuits:";

    internal static IServiceCollection AddRedisCircuitPersistence(this IServiceCollection services)
    {
        // HybridCache takes its second level from the registered IDistributedCache: Redis, on the app's connection. Nothing
        // else in the app uses IDistributedCache.
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>()
            .Configure<RedisConnection>((options, redis) =>
            {
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
                options.InstanceName = redis.KeyPrefix + KeySegment;
            });
        services.AddHybridCache();
        services.AddOptions<CircuitOptions>().Configure<HybridCache>((options, cache) => options.HybridPersistenceCache = cache);
        return services;
    }
}
