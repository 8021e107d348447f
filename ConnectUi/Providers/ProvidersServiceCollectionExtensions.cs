using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>Registers every provider. Adding a provider is one folder and one line here.</summary>
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKonnektive(configuration);
        services.AddConnectWisePsa(configuration);
        services.TryAddSingleton<ProviderCatalog>();
        return services;
    }
}
