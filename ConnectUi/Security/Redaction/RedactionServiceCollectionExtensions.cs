using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Security.Redaction;

public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the registered <see cref="ILoggerFactory"/> with a <see cref="RedactingLoggerFactory"/> around it, so
    /// no logger handed out by dependency injection can write a secret in flight. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }

        services.AddSingleton<Marker>();
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(CreateInner(provider, existing))));
        return services;
    }

    private static ILoggerFactory CreateInner(IServiceProvider provider, ServiceDescriptor? descriptor) => (ILoggerFactory)(
        descriptor?.ImplementationInstance
        ?? descriptor?.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor?.ImplementationType ?? typeof(LoggerFactory)));

    private sealed class Marker;
}
