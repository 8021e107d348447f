using ConnectUi.Cli;
using ConnectUi.HostApi.Keys;
using ConnectUi.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.HostApi;

public static class HostApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the host API: key check (<c>ConnectUi:HostApiKeys</c>), the <c>host-api</c> rate-limiter policy (its
    /// counts are kept by <c>AddAbuseLimits</c>' store), problem details and the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddHostApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostApiOptions>()
            .Bind(configuration.GetSection(HostApiOptions.Section))
            .Validate(o => o.HostApiKeys.All(HostApiKeyChecker.IsHash),
                "Each ConnectUi:HostApiKeys entry must be the SHA-256 of a key in hex (printf %s \"$KEY\" | sha256sum), not the key itself.")
            .Validate(o => o.TenantKeys.All(k => HostApiKeyChecker.IsHash(k.Sha256)),
                "Each ConnectUi:TenantKeys entry needs Sha256: the SHA-256 of the key in hex, not the key itself.")
            .Validate(o => o.TenantKeys.All(k => TenantIds.IsValid(k.Tenant)),
                $"Each ConnectUi:TenantKeys entry needs a Tenant: {TenantIds.Rule}.")
            .Validate(o => o.TenantKeys.All(k => HostApiScopes.Parse(k.Scopes) is not null),
                $"ConnectUi:TenantKeys Scopes may only hold {string.Join(", ", HostApiScopes.All)} (none means all).")
            .Validate(o => o.MaxRequestBodyBytes is > 0 and <= 1024 * 1024, "ConnectUi:MaxRequestBodyBytes must be between 1 byte and 1 MB.")
            .ValidateOnStart();
        services.TryAddSingleton<HostApiKeyChecker>();
        services.TryAddSingleton<IHostApiKeyStore, HostApiKeyStore>();
        services.AddCliCommand<KeysCreateCommand>();
        services.AddCliCommand<KeysListCommand>();
        services.AddCliCommand<KeysRevokeCommand>();
        services.AddCliCommand<KeysAssignUnownedCommand>();
        services.AddHostApiRateLimit();
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<HostApiKeyDocumentTransformer>());
        return services;
    }

    /// <summary>
    /// Puts the API key check in front of <c>/api/...</c>. Call before <c>UseRateLimiter</c>: the host API's limit
    /// partitions by the authenticated key, which only exists after this check.
    /// </summary>
    public static WebApplication UseHostApi(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(HostApiEndpoints.Prefix),
            api => api.UseMiddleware<HostApiMiddleware>());
        return app;
    }

    /// <summary>Maps <c>/api/...</c> (behind <see cref="UseHostApi"/>), and the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapHostApi(this WebApplication app)
    {
        app.MapHostApiEndpoints();
        app.MapOpenApi();
        return app;
    }
}
