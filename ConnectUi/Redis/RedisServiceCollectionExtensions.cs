using ConnectUi.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// When <c>ConnectionStrings:Redis</c> is set: the shared connection and its <c>redis</c> readiness check. The areas
    /// that share state (Security/Abuse, circuit persistence, the journey feed) choose their Redis implementations from
    /// the same setting; without it, each keeps its state in this process.
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (!RedisConnection.IsConfigured(configuration))
        {
            return services;
        }

        services.TryAddSingleton(_ => new RedisConnection(configuration));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        services.AddRedisCircuitPersistence();
        return services;
    }
}
