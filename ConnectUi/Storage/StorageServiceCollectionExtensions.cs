using ConnectUi.Cli;
using ConnectUi.Storage.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Data Protection application name: instances sharing the database must agree on it to read each other's keys.</summary>
    public const string DataProtectionApplicationName = "ConnectUi";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the Data Protection key ring at rest.</summary>
    public const string KeyCertificatePathKey = "ConnectUi:DataProtection:KeyCertificatePath";

    public const string KeyCertificatePasswordKey = "ConnectUi:DataProtection:KeyCertificatePassword";

    /// <summary>A file with a 256-bit key in base64 that encrypts the key ring at rest, instead of a certificate.</summary>
    public const string KeyEncryptionKeyPathKey = "ConnectUi:DataProtection:KeyEncryptionKeyPath";

    /// <summary>Lets the app start outside Development with the key ring stored unencrypted.</summary>
    public const string AllowUnprotectedKeysKey = "ConnectUi:DataProtection:AllowUnprotectedKeys";

    /// <summary>
    /// Registers the app's database (SQLite, <c>ConnectionStrings:ConnectUi</c>, default <c>{ContentRoot}/App_Data/connectui.db</c>)
    /// and keeps the Data Protection key ring in it. Safe to call from every area that stores something.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IDbContextFactory<ConnectUiDbContext>)))
        {
            return services;
        }

        services.AddConnectUiDatabase(configuration);
        services.AddCliCommand<MigrateCommand>();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ConnectUiDbContext>();

        // The key ring sits in the same database as the encrypted credentials: encrypt it with a certificate or key file
        // kept outside the database, so a copy of the database file alone decrypts nothing.
        dataProtection.ProtectKeyRing(configuration);

        return services;
    }

    /// <summary>
    /// Registers <see cref="IDbContextFactory{ConnectUiDbContext}"/> on the configured provider
    /// (<c>ConnectUi:Database:Provider</c>: SQLite by default, or PostgreSQL).
    /// </summary>
    public static IServiceCollection AddConnectUiDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // A factory, not a scoped context: a Blazor Server circuit lives for minutes, a DbContext should live for one operation.
        switch (ConnectUiDatabase.ProviderFrom(configuration))
        {
            case DatabaseProvider.PostgreSql:
                var connectionString = ConnectUiDatabase.PostgreSqlConnectionString(configuration);
                services.AddDbContextFactory<PostgreSqlConnectUiDbContext>(options => options.UseNpgsql(connectionString));
                services.TryAddSingleton<IDbContextFactory<ConnectUiDbContext>, PostgreSqlContextFactory>();
                // Scoped, for the Data Protection key store.
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
