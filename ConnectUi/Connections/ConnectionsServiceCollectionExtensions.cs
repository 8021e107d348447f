using ConnectUi.Connections.Storage;
using ConnectUi.Security.Redaction;
using ConnectUi.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>Registers the connection service: provider test call, then encrypted storage in the app's database.</summary>
    public static IServiceCollection AddConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddScoped<IConnectionService, ConnectionService>();
        services.TryAddScoped<IConnectionStore, ConnectionStore>();

        // The connection service holds secrets while it verifies: loggers must scrub them (call after AddLogging).
        services.AddSecretRedaction();
        return services;
    }
}
