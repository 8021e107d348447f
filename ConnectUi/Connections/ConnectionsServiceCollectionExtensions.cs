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
        services.TryAddSingleton<IVerificationHistory, VerificationHistory>();

        // The connection service holds secrets while it verifies: loggers must scrub them (call after AddLogging).
        services.AddSecretRedaction();
        return services;
    }
}
