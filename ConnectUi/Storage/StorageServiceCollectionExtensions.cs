using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Data Protection application name: instances sharing the database must agree on it to read each other's keys.</summary>
    public const string DataProtectionApplicationName = "ConnectUi";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the Data Protection key ring at rest.</summary>
    public const string KeyCertificatePathKey = "ConnectUi:DataProtection:KeyCertificatePath";

    public const string KeyCertificatePasswordKey = "ConnectUi:DataProtection:KeyCertificatePassword";

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

        return services;
    }
}
