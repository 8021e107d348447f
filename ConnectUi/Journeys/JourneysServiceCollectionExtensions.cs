using ConnectUi.BackgroundWork;
using ConnectUi.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Journeys;

public static class JourneysServiceCollectionExtensions
{
    /// <summary>
    /// Records customers' journeys for the support console: visits, their events, retention
    /// (<c>ConnectUi:Support:Retention</c>) and the live feed: in this process, or through Redis when
    /// <c>ConnectionStrings:Redis</c> is set, so consoles see customers on every instance.
    /// </summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        var retention = services.AddOptions<JourneyRetentionOptions>();
        if (configuration is not null)
        {
            retention.Bind(configuration.GetSection(JourneyRetentionOptions.Section));
        }

        retention
            .Validate(o => o.Retention > TimeSpan.Zero, $"{JourneyRetentionOptions.Section}:Retention must be positive.")
            .Validate(o => o.CleanupInterval >= TimeSpan.FromSeconds(1), $"{JourneyRetentionOptions.Section}:CleanupInterval must be at least one second.")
            .ValidateOnStart();
        if (configuration is not null && RedisConnection.IsConfigured(configuration))
        {
            // Several instances: a console on one watches customers on any (the Redis connection comes from AddRedis).
            services.TryAddSingleton<InProcessJourneyFeed>();
            services.TryAddSingleton<RedisJourneyFeed>();
            services.TryAddSingleton<IJourneyFeed>(provider => provider.GetRequiredService<RedisJourneyFeed>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisJourneyFeed>());
        }

        services.TryAddSingleton<IJourneyFeed, InProcessJourneyFeed>();
        services.TryAddSingleton<IJourneyRecorder, JourneyRecorder>();
        services.TryAddSingleton<VisitDirectory>();
        services.TryAddSingleton<IVisitDirectory>(sp => sp.GetRequiredService<VisitDirectory>());
        services.AddBackgroundWork();
        services.AddHostedService<JourneyRetention>();
        return services;
    }
}
