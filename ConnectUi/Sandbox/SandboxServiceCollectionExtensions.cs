using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sandbox. When enabled (default: Development only), Konnektive and ConnectWise PSA
    /// calls go to the simulators on this app's own address.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SandboxOptions.Section);
        var enabled = section.GetValue<bool?>(nameof(SandboxOptions.Enabled)) ?? environment.IsDevelopment();
        services.AddOptions<SandboxOptions>().Bind(section).Configure(o => o.Enabled = enabled);
        if (!enabled)
        {
            return services;
        }

        services.TryAddSingleton<SandboxAddress>();
        services.AddOptions<KonnektiveOptions>().PostConfigure<SandboxAddress>((o, sandbox) => o.BaseUrl = sandbox.Konnektive);
        services.AddOptions<ConnectWisePsaOptions>().PostConfigure<SandboxAddress>((o, sandbox) =>
        {
            o.BaseUrlOverride = sandbox.ConnectWise;

            // Loopback is allowed for this override only; typed hostnames stay under the full check.
            o.AllowLoopbackOverride = true;
        });
        return services;
    }

    /// <summary>Maps the simulators under <c>/sandbox/...</c> when the sandbox is enabled.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<IOptions<SandboxOptions>>()?.Value.Enabled == true)
        {
            SandboxSimulators.Map(endpoints);
        }

        return endpoints;
    }
}
