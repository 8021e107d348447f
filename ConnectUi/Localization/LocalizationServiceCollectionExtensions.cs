using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// Resources, request localization (the picker's <c>.AspNetCore.Culture</c> cookie, then <c>Accept-Language</c>,
    /// then English; <c>AddSessions</c> puts a session's locale first) and the per-circuit culture.
    /// </summary>
    public static IServiceCollection AddConnectUiLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, ConnectUiMudLocalizer>();
        services.TryAddScoped<CircuitCulture>();
        services.TryAddScoped<ICircuitCulture>(provider => provider.GetRequiredService<CircuitCulture>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCultureHandler>());

        // The culture every CultureAwareComponent receives, cascaded from the root rather than by a CascadingValue in the
        // layout (one component instance fewer in every circuit): a switch notifies each of them, and each re-renders in it.
        services.AddCascadingValue(provider =>
        {
            var culture = provider.GetRequiredService<ICircuitCulture>();
            var source = new CascadingValueSource<CultureInfo>(CultureAwareComponent.CascadeName, () => culture.Current, isFixed: false);
            culture.Changed += () => _ = source.NotifyChangedAsync(culture.Current);
            return source;
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(SupportedCultures.Default);
            options.AddSupportedCultures([.. SupportedCultures.Names]);
            options.AddSupportedUICultures([.. SupportedCultures.Names]);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new BrowserLanguageCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseConnectUiLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// <c>GET /culture/{name}?returnUrl=/path</c>: stores the picked language in the culture cookie and goes back to
    /// the page (the picker's link without a circuit); without <c>returnUrl</c> it answers 204 (the picker's script).
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            if (SupportedCultures.Find(name) is not { } culture)
            {
                return Results.NotFound();
            }

            CultureCookie.Write(context, culture);
            return returnUrl is null ? Results.NoContent() : Results.LocalRedirect(LocalOrRoot(returnUrl));
        }).ExcludeFromDescription();
        return endpoints;
    }

    // Only an app-relative path: "//evil.example" or "https://..." would make the picker an open redirect.
    private static string LocalOrRoot(string returnUrl) =>
        returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
