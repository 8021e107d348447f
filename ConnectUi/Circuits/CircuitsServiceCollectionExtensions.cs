using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.JSInterop;

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
        services.TryAddScoped<IAddressBar, BrowserAddressBar>();
        services.AddLeanInteropContracts();
        services.AddOptions<PrerenderCacheOptions>().BindConfiguration(PrerenderCacheOptions.Section);
        services.TryAddSingleton<PrerenderCache>();
        services.TryAddSingleton<IPrerenderCache>(provider => provider.GetRequiredService<PrerenderCache>());

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

    /// <summary>
    /// Wraps the framework's registration of the circuit's JS runtime so that each new runtime gets
    /// <see cref="InteropContracts"/>. Without interactive server components registered first there is nothing to wrap.
    /// </summary>
    public static IServiceCollection AddLeanInteropContracts(this IServiceCollection services)
    {
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(IJSRuntime));
        if (registration is not { Lifetime: ServiceLifetime.Scoped, ImplementationType: { } runtimeType }
            || !typeof(JSRuntime).IsAssignableFrom(runtimeType))
        {
            return services;
        }

        var create = ActivatorUtilities.CreateFactory(runtimeType, Type.EmptyTypes);
        services.Replace(ServiceDescriptor.Scoped<IJSRuntime>(provider =>
        {
            var runtime = (JSRuntime)create(provider, null);
            InteropContracts.ApplyTo(runtime);
            return runtime;
        }));
        return services;
    }
}
