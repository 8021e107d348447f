using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Journeys;

public static class JourneysServiceCollectionExtensions
{
    /// <summary>
    /// Records customers' journeys for the support console: visits, their events, retention
    /// (<c>ConnectUi:Support:Retention</c>) and the live feed. The in-process feed is registered with TryAdd, so a
    /// cross-instance feed registered first replaces it.
    /// </summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJourneyFeed, InProcessJourneyFeed>();
        services.TryAddSingleton<IJourneyRecorder, JourneyRecorder>();
        services.TryAddSingleton<VisitDirectory>();
        services.TryAddSingleton<IVisitDirectory>(sp => sp.GetRequiredService<VisitDirectory>());
        services.AddHostedService<JourneyRetention>();
        return services;
    }
}
