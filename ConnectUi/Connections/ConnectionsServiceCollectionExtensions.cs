using ConnectUi.Connections.Storage;
using ConnectUi.Security.Redaction;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>Data Protection application name: instances sharing the database must agree on it to read each other's keys.</summary>
    public const string DataProtectionApplicationName = "ConnectUi";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the Data Protection key ring at rest.</summary>
    public const string KeyCertificatePathKey = "ConnectUi:DataProtection:KeyCertificatePath";

    public const string KeyCertificatePasswordKey = "ConnectUi:DataProtection:KeyCertificatePassword";

    /// <summary>
    /// Registers the connection service: provider test call, then encrypted storage in the configured database
    /// (<c>ConnectUi:Database:Provider</c>; SQLite at <c>{ContentRoot}/App_Data/connectui.db</c> by default).
    /// </summary>
    public static IServiceCollection AddConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConnectUiDatabase(configuration);

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ConnectUiDbContext>();

        // The key ring sits in the same database as the encrypted credentials: in production, encrypt it with a
        // certificate kept outside the database, so a copy of the database file alone decrypts nothing.
        if (configuration[KeyCertificatePathKey] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration[KeyCertificatePasswordKey]));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddScoped<IConnectionService, ConnectionService>();
        services.TryAddScoped<IConnectionStore, ConnectionStore>();

        // The connection service holds secrets while it verifies: loggers must scrub them (call after AddLogging).
        services.AddSecretRedaction();
        return services;
    }

    /// <summary>
    /// Registers <see cref="IDbContextFactory{ConnectUiDbContext}"/> (and a scoped context, for the Data Protection key
    /// store) on the configured provider. A factory, not a scoped context: a Blazor Server circuit lives for minutes, a
    /// DbContext should live for one operation.
    /// </summary>
    public static IServiceCollection AddConnectUiDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        switch (ConnectUiDatabase.ProviderFrom(configuration))
        {
            case DatabaseProvider.PostgreSql:
                var connectionString = ConnectUiDatabase.PostgreSqlConnectionString(configuration);
                services.AddDbContextFactory<PostgreSqlConnectUiDbContext>(options => options.UseNpgsql(connectionString));
                services.TryAddSingleton<IDbContextFactory<ConnectUiDbContext>, PostgreSqlContextFactory>();
                services.TryAddScoped<ConnectUiDbContext>(serviceProvider => serviceProvider.GetRequiredService<PostgreSqlConnectUiDbContext>());
                break;
            default:
                services.AddDbContextFactory<ConnectUiDbContext>((serviceProvider, options) =>
                {
                    var contentRoot = serviceProvider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
                    options.UseSqlite(ConnectUiDatabase.PrepareConnectionString(configuration, contentRoot));
                });
                break;
        }

        return services;
    }

    /// <summary>Hands out PostgreSQL contexts wherever the app asks for a <see cref="ConnectUiDbContext"/>.</summary>
    private sealed class PostgreSqlContextFactory(IDbContextFactory<PostgreSqlConnectUiDbContext> inner) : IDbContextFactory<ConnectUiDbContext>
    {
        public ConnectUiDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<ConnectUiDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
