namespace ConnectUi.Providers.Konnektive;

public static class KonnektiveServiceCollectionExtensions
{
    public static IServiceCollection AddKonnektive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(KonnektiveProvider.Definition);
        return services;
    }
}
