using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi;

/// <summary>
/// The providers this installation offers. Part of the composition root with Program.cs: the only code outside a
/// provider's folder that names it. Adding a provider is one folder and one line here (docs/adding-a-provider.md).
/// </summary>
public static class InstalledProviders
{
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProvider(KonnektiveProvider.Registration, configuration);
        services.AddProvider(ConnectWisePsaProvider.Registration, configuration);
        return services;
    }
}
