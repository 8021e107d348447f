using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Security.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>Registers the outbound limits and the hostname guard. Safe to call from every provider's registration.</summary>
    public static IServiceCollection AddOutboundSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(HostnameGuard)))
        {
            return services;
        }

        services.AddOptions<OutboundOptions>()
            .Bind(configuration.GetSection(OutboundOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(2), $"{OutboundOptions.Section}:Timeout must be between 0 and 2 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<HostnameGuard>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
