namespace ConnectUi.Features.Connect;

public static class ConnectFlowServiceCollectionExtensions
{
    public static IServiceCollection AddConnectFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectFlowOptions>().Bind(configuration.GetSection(ConnectFlowOptions.Section));

        // The pages' texts: IStringLocalizer<XStrings> reads the XStrings.resx beside each feature's components.
        services.AddLocalization();
        return services;
    }
}
