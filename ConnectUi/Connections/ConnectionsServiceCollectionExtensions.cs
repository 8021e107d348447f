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
