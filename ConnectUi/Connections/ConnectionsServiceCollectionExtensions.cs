using ConnectUi.Connections.Storage;
using ConnectUi.Connections.Storage.KeyRing;
using ConnectUi.Security.Redaction;
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

    /// <summary>A file with a 256-bit key in base64 that encrypts the key ring at rest, instead of a certificate.</summary>
    public const string KeyEncryptionKeyPathKey = "ConnectUi:DataProtection:KeyEncryptionKeyPath";

    /// <summary>Lets the app start outside Development with the key ring stored unencrypted.</summary>
    public const string AllowUnprotectedKeysKey = "ConnectUi:DataProtection:AllowUnprotectedKeys";

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

        // The key ring sits in the same database as the encrypted credentials: encrypt it with a certificate or key file
        // kept outside the database, so a copy of the database file alone decrypts nothing.
        dataProtection.ProtectKeyRing(configuration);

        services.AddOptions<VerificationOptions>()
            .Bind(configuration.GetSection(VerificationOptions.Section))
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1), $"{VerificationOptions.Section}:Interval must be at least one minute.")
            .Validate(o => o.JitterFraction is >= 0 and <= 0.5, $"{VerificationOptions.Section}:JitterFraction must be between 0 and 0.5.")
            .Validate(o => o.RetryAfterFailure >= TimeSpan.FromMinutes(1), $"{VerificationOptions.Section}:RetryAfterFailure must be at least one minute.")
            .Validate(o => o.ConcurrencyPerProvider is >= 1 and <= 64, $"{VerificationOptions.Section}:ConcurrencyPerProvider must be between 1 and 64.")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), $"{VerificationOptions.Section}:PollInterval must be at least one second.")
            .Validate(o => o.RateLimitBackoff > TimeSpan.Zero && o.MaxRateLimitBackoff >= o.RateLimitBackoff,
                $"{VerificationOptions.Section}:RateLimitBackoff must be positive and at most MaxRateLimitBackoff.")
            .Validate(o => o.BatchSize >= 1, $"{VerificationOptions.Section}:BatchSize must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ConnectionEventOptions>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VerificationSchedule>();
        services.TryAddSingleton<ConnectionEventOutbox>();
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddScoped<IConnectionService, ConnectionService>();
        services.TryAddScoped<IConnectionStore, ConnectionStore>();

        // The connection service holds secrets while it verifies: loggers must scrub them (call after AddLogging).
        services.AddSecretRedaction();
        return services;
    }
}
