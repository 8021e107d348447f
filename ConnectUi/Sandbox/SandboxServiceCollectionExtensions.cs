using ConnectUi.Providers;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sandbox. When enabled (default: Development only), every provider's calls go to its simulator on
    /// this app's own address: <see cref="ProvidersServiceCollectionExtensions.AddProvider"/> asks <see cref="ISimulatorAddress"/>.
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
        services.TryAddSingleton<ISimulatorAddress>(sp => sp.GetRequiredService<SandboxAddress>());
        return services;
    }

    /// <summary>Maps every provider's simulator under <c>/sandbox/{provider id}</c> when the sandbox is enabled.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<IOptions<SandboxOptions>>()?.Value.Enabled != true)
        {
            return endpoints;
        }

        foreach (var provider in endpoints.ServiceProvider.GetServices<ProviderDefinition>().DistinctBy(p => p.Id))
        {
            provider.Sandbox.MapSimulator(endpoints.MapGroup(SandboxAddress.PathFor(provider)).WithRawAnswers());
        }

        return endpoints;
    }

    private static RouteGroupBuilder WithRawAnswers(this RouteGroupBuilder group)
    {
        group.ExcludeFromDescription();
        group.DisableAntiforgery();

        // The app's status-code pages would turn the simulators' bare 404s into HTML pages.
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return await next(context);
        });
        return group;
    }
}
