using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Transport;

/// <summary>
/// HTTPS as the app sees it behind a proxy: forwarded headers from known proxies only, <c>Secure</c> on every cookie
/// outside Development, and HSTS whenever the public address is https (see <see cref="StrictTransportSecurity"/>).
/// </summary>
public static class TransportSecurityServiceCollectionExtensions
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.Section));
        services.Configure<ForwardedHeadersOptions>(options => Configure(options, settings));

        // Outside Development every cookie (antiforgery's included) is Secure, even when TLS ends at a proxy that
        // does not say so; browsers still accept Secure cookies from http://localhost for local runs.
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddSingleton(provider => new StrictTransportSecurity(
            provider.GetRequiredService<IConfiguration>().GetValue<Uri?>(StrictTransportSecurity.PublicBaseUrlKey),
            environment.IsDevelopment()));
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers (when proxies are configured), then the cookie policy.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.IsEnabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseCookiePolicy();
        return app;
    }

    private static void Configure(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = settings.ForwardLimit;

        // Only what the operator names: the defaults (loopback) would let any local process pose as a proxy.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/24)."));
        }
    }
}
