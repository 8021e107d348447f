using ConnectUi.BackgroundWork;

namespace ConnectUi.Reverification;

public static class ReverificationServiceCollectionExtensions
{
    /// <summary>Registers the background re-verification of saved connections (<c>ConnectUi:Verification</c>; call after AddConnections).</summary>
    public static IServiceCollection AddReverification(this IServiceCollection services)
    {
        services.AddBackgroundWork();
        services.AddSingleton<ConnectionReverification>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionReverification>());
        return services;
    }
}
