using ConnectUi.Storage.KeyRing;
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

        // A factory, not a scoped context: a Blazor Server circuit lives for minutes, a DbContext should live for one operation.
        services.AddDbContextFactory<ConnectUiDbContext>((serviceProvider, options) =>
        {
            var contentRoot = serviceProvider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            options.UseSqlite(ConnectUiDatabase.PrepareConnectionString(configuration, contentRoot));
        });

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ConnectUiDbContext>();

        // The key ring sits in the same database as the encrypted credentials: encrypt it with a certificate or key file
        // kept outside the database, so a copy of the database file alone decrypts nothing.
        dataProtection.ProtectKeyRing(configuration);

        return services;
    }
}
