namespace ConnectUi.Providers.ConnectWisePsa;

public static class ConnectWisePsaServiceCollectionExtensions
{
    public static IServiceCollection AddConnectWisePsa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ConnectWisePsaProvider.Definition);
        return services;
    }
}
