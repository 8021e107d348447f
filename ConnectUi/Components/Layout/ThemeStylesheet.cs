using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ConnectUi.Components.Layout;

/// <summary>
/// The theme's CSS variables (MudBlazor's palette, typography and layout) as one cached stylesheet for light and dark,
/// dark under <c>prefers-color-scheme</c>, instead of a 12 KiB &lt;style&gt; element rendered into every page and kept in
/// every circuit. The browser follows the system's scheme by itself, before and without any script.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers) : IHostedService
{
    private Content? _content;

    /// <summary>The stylesheet's address; it changes with its content, so it is cached for a year.</summary>
    public string Path => (_content ?? throw new InvalidOperationException("The theme stylesheet is built when the app starts.")).Path;

    internal string Css => _content!.Css;

    internal string ETag => _content!.ETag;

    /// <summary>Renders MudBlazor's theme provider once per scheme, exactly as it would render in a page.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var light = await RenderStylesAsync(isDarkMode: false);
        var dark = await RenderStylesAsync(isDarkMode: true);
        var css = $"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        _content = new Content(css, $"theme.{hash}.css", $"\"{hash}\"");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> RenderStylesAsync(bool isDarkMode)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = ConnectUiTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = isDarkMode,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    private sealed record Content(string Css, string Path, string ETag);
}

public static class ThemeStylesheetExtensions
{
    public static IServiceCollection AddThemeStylesheet(this IServiceCollection services)
    {
        services.AddSingleton<ThemeStylesheet>();
        services.AddHostedService(provider => provider.GetRequiredService<ThemeStylesheet>());
        return services;
    }

    /// <summary>Serves the theme stylesheet at its versioned address, immutable for a year; compressed like other responses.</summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme.{version}.css", (string version, HttpContext context, ThemeStylesheet theme) =>
        {
            if (!string.Equals($"/{theme.Path}", context.Request.Path, StringComparison.Ordinal))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = theme.ETag;
            return context.Request.Headers.IfNoneMatch == theme.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text(theme.Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
