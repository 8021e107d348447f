using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Circuits;

public static class CircuitsServiceCollectionExtensions
{
    /// <summary>
    /// How long an instance keeps a disconnected circuit in memory for its tab to reconnect to. Past it the circuit is
    /// evicted and its state persisted (to Redis when it is configured), for a tab that comes back later, on any instance.
    /// </summary>
    public const string DisconnectedRetentionKey = "ConnectUi:Circuits:DisconnectedRetention";

    /// <summary>The circuit settings ConnectUi exposes; unset, the framework's defaults (three minutes' retention) stand.</summary>
    public static IServiceCollection AddCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped<IDocumentTitle, BrowserDocumentTitle>();

        var retention = configuration.GetValue<TimeSpan?>(DisconnectedRetentionKey);
        var circuits = services.AddOptions<CircuitOptions>();
        if (retention is { } period)
        {
            circuits
                .Configure(options => options.DisconnectedCircuitRetentionPeriod = period)
                .Validate(options => options.DisconnectedCircuitRetentionPeriod > TimeSpan.Zero, $"{DisconnectedRetentionKey} must be longer than zero.")
                .ValidateOnStart();
        }

        return services;
    }
}
