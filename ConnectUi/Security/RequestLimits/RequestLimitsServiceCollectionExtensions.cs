using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ConnectUi.Security.RequestLimits;

public static class RequestLimitsServiceCollectionExtensions
{
    /// <summary>Applies <c>ConnectUi:RequestLimits</c> to Kestrel, form reading and the Blazor circuit hub.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RequestLimitOptions.Section);
        var limits = section.Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        if (limits.MaxRequestBodyBytes <= 0 || limits.MaxHubMessageBytes <= 0 || limits.MaxFormValueBytes <= 0 || limits.MaxFormValueCount <= 0
            || limits.MaxRequestTargetBytes <= 0 || limits.MaxRequestTargetBytes > RequestLimitOptions.ServerRequestLineBytes / 2)
        {
            throw new InvalidOperationException($"Every limit under {RequestLimitOptions.Section} must be positive, and MaxRequestTargetBytes at most {RequestLimitOptions.ServerRequestLineBytes / 2}.");
        }

        services.AddOptions<RequestLimitOptions>().Bind(section);
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            o.Limits.MaxRequestLineSize = RequestLimitOptions.ServerRequestLineBytes;
            o.ConfigureEndpointDefaults(listen => listen.Use(ServerRejectionProblems.Wrap));
        });
        services.AddTransient<IStartupFilter, ServerRejectionStartupFilter>();
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes;
            o.ValueLengthLimit = limits.MaxFormValueBytes;
            o.ValueCountLimit = limits.MaxFormValueCount;
        });
        // Not AddServerSideBlazor(): that registers Blazor Server's services a second time, over Program.cs's.
        new CircuitHub(services).AddHubOptions(o => o.MaximumReceiveMessageSize = limits.MaxHubMessageBytes);
        return services;
    }

    /// <summary>Turns an over-limit body into a clear 413 (problem JSON for API-style requests).</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitsMiddleware>();

    private sealed record CircuitHub(IServiceCollection Services) : IServerSideBlazorBuilder;

    /// <summary>Puts the count of requests in the app before every other middleware, so it covers all of them.</summary>
    private sealed class ServerRejectionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseServerRejectionProblems();
            next(app);
        };
    }
}
