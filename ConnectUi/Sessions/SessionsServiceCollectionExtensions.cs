using ConnectUi.BackgroundWork;
using ConnectUi.Branding;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers connect sessions (<c>ConnectUi:Sessions</c>) and the per-circuit session context. <c>Required</c>
    /// defaults to false in Development, so the quickstart works without a host, and to true everywhere else.
    /// </summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SessionOptions.Section);
        var required = section.GetValue<bool?>(nameof(SessionOptions.Required)) ?? !environment.IsDevelopment();
        services.AddOptions<SessionOptions>()
            .Bind(section)
            .Configure(o => o.Required = required)
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.Lifetime <= TimeSpan.FromDays(7), $"{SessionOptions.Section}:Lifetime must be between 0 and 7 days.")
            .Validate(o => o.ExpiredRetention >= TimeSpan.Zero, $"{SessionOptions.Section}:ExpiredRetention must not be negative.")
            .Validate(o => o.CleanupInterval >= TimeSpan.FromSeconds(1), $"{SessionOptions.Section}:CleanupInterval must be at least one second.")
            .ValidateOnStart();
        services.AddOptions<HostApplicationOptions>()
            .Bind(configuration.GetSection(HostApplicationOptions.Section))
            .Validate(o => o.HostName is null || !string.IsNullOrWhiteSpace(o.HostName), "ConnectUi:HostName must not be empty.")
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "ConnectUi:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        // A host's locale for the session outranks the language picker's cookie and the browser's languages.
        services.PostConfigure<RequestLocalizationOptions>(options =>
        {
            if (!options.RequestCultureProviders.OfType<SessionLocaleCultureProvider>().Any())
            {
                options.RequestCultureProviders.Insert(0, new SessionLocaleCultureProvider());
            }
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ISessionService, SessionService>();
        services.TryAddScoped<ConnectSessionContext>();
        services.TryAddScoped<IConnectSessionContext>(provider => provider.GetRequiredService<ConnectSessionContext>());
        services.AddBackgroundWork();
        services.AddHostedService<ExpiredSessionCleanup>();
        return services;
    }

    /// <summary>The brand pages show: the installation's (<c>AddBranding</c>) with the session's branding over it.</summary>
    public static IServiceCollection AddSessionBranding(this IServiceCollection services)
    {
        services.TryAddScoped<IShownBrand, SessionShownBrand>();
        return services;
    }
}
