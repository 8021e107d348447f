using ConnectUi.Connections.Storage;
using ConnectUi.Security.Redaction;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>Data Protection application name: instances sharing the database must agree on it to read each other's keys.</summary>
    public const string DataProtectionApplicationName = "ConnectUi";

    /// <summary>
    /// Registers the connection service: provider test call, then encrypted storage in SQLite
    /// (<c>ConnectionStrings:ConnectUi</c>, default <c>{ContentRoot}/App_Data/connectui.db</c>).
    /// </summary>
    public static IServiceCollection AddConnections(this IServiceCollection services, IConfiguration configuration)
    {
        // A factory, not a scoped context: a Blazor Server circuit lives for minutes, a DbContext should live for one operation.
        services.AddDbContextFactory<ConnectUiDbContext>((serviceProvider, options) =>
        {
            var contentRoot = serviceProvider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            options.UseSqlite(ConnectUiDatabase.PrepareConnectionString(configuration, contentRoot));
        });

        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ConnectUiDbContext>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddScoped<IConnectionService, ConnectionService>();
        services.TryAddScoped<IConnectionStore, ConnectionStore>();

        // The connection service holds secrets while it verifies: loggers must scrub them (call after AddLogging).
        services.AddSecretRedaction();
        return services;
    }
}
