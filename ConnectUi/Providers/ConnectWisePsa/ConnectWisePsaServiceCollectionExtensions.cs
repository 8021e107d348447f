using ConnectUi.Connections;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Providers.ConnectWisePsa;

public static class ConnectWisePsaServiceCollectionExtensions
{
    public static IServiceCollection AddConnectWisePsa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ConnectWisePsaProvider.Definition);
        services.AddOutboundSecurity(configuration);
        services.AddOptions<ConnectWisePsaOptions>().Bind(configuration.GetSection(ConnectWisePsaOptions.Section));

        // The hostname is typed by the person: the guard's handler checks every address it connects to.
        services.AddHttpClient<ConnectWisePsaVerifier>()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<HostnameGuard>().CreateHandler());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IProviderVerifier, ConnectWisePsaVerifier>(sp => sp.GetRequiredService<ConnectWisePsaVerifier>()));
        return services;
    }
}
