using ConnectUi.Connections;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Providers.Konnektive;

public static class KonnektiveServiceCollectionExtensions
{
    public static IServiceCollection AddKonnektive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(KonnektiveProvider.Definition);
        services.AddOutboundSecurity(configuration);
        services.AddOptions<KonnektiveOptions>().Bind(configuration.GetSection(KonnektiveOptions.Section));

        // The base URL is operator configuration, so no hostname guard; redirects are still never followed.
        services.AddHttpClient<KonnektiveVerifier>()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.TryAddEnumerable(ServiceDescriptor.Transient<IProviderVerifier, KonnektiveVerifier>(sp => sp.GetRequiredService<KonnektiveVerifier>()));
        return services;
    }
}
