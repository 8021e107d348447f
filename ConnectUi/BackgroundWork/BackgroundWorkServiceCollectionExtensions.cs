using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.BackgroundWork;

public static class BackgroundWorkServiceCollectionExtensions
{
    /// <summary>Registers the database lease (one holder id per process) and the runner that keeps background jobs to one instance.</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBackgroundLease>(provider => new DatabaseLease(
            provider.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LeasedJobRunner>();
        return services;
    }
}
