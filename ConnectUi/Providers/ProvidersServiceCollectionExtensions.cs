using ConnectUi.Security.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>Serves every provider's logo at <c>/providers/{provider id}.svg</c>.</summary>
    public static IEndpointRouteBuilder MapProviders(this IEndpointRouteBuilder endpoints) => ProviderLogo.Map(endpoints);

    /// <summary>
    /// Registers one provider: its definition for the catalog, its options, its verifier with an HttpClient that follows
    /// no redirects and leaves timeouts to <see cref="ProviderCall"/>, and its simulator address while the sandbox is on.
    /// </summary>
    public static IServiceCollection AddProvider<TVerifier, TOptions>(
        this IServiceCollection services,
        ProviderRegistration<TVerifier, TOptions> registration,
        IConfiguration configuration)
        where TVerifier : class, IProviderVerifier
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(registration);
        var definition = registration.Definition;
        services.AddSingleton(definition);
        services.TryAddSingleton<ProviderCatalog>();
        services.TryAddSingleton<IProviderCatalog>(provider => provider.GetRequiredService<ProviderCatalog>());
        services.AddOutboundSecurity(configuration);
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(registration.OptionsSection))
            .PostConfigure<IServiceProvider>((options, serviceProvider) =>
            {
                if (serviceProvider.GetService<ISimulatorAddress>() is { } simulator)
                {
                    registration.UseSimulator(options, simulator.For(definition));
                }
            });

        var httpClient = services.AddHttpClient<TVerifier>()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        if (registration.Address == ProviderAddress.TypedByPerson)
        {
            httpClient.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<HostnameGuard>().CreateHandler());
        }
        else
        {
            httpClient.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        }

        services.TryAddEnumerable(ServiceDescriptor.Transient<IProviderVerifier, TVerifier>(sp => sp.GetRequiredService<TVerifier>()));
        return services;
    }
}
