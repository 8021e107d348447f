using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConnectUi.Branding;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace ConnectUi.Components.Layout;

/// <summary>
/// The theme's CSS variables (MudBlazor's palette, typography and layout) as one cached stylesheet for light and dark,
/// dark under <c>prefers-color-scheme</c>, instead of a 12 KiB &lt;style&gt; element rendered into every page and kept in
/// every circuit. The browser follows the system's scheme by itself, before and without any script. It is drawn in the
/// installation's brand; a session in a host's colours adds a small stylesheet of the primary colour's variables only.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers, Brand installation) : IThemeStylesheet, IHostedService
{
    // Hosts' colour pairs in use: few. Past this many, one is rendered on request and not kept.
    private const int MaxKeptPrimaryStylesheets = 256;

    private readonly ConcurrentDictionary<(BrandColor Light, BrandColor Dark), string> _primaryStylesheets = new();
    private Content? _content;

    /// <summary>The stylesheet's address; it changes with its content, so it is cached for a year.</summary>
    public string Path => (_content ?? throw new InvalidOperationException("The theme stylesheet is built when the app starts.")).Path;

    internal string Css => _content!.Css;

    internal string ETag => _content!.ETag;

    /// <summary>
    /// The stylesheet compressed once, at Brotli's best quality, as the app's static files are at publish; on the first
    /// request that wants it rather than at start (some tens of milliseconds).
    /// </summary>
    internal byte[] Brotli => _content!.Brotli.Value;

    internal string BrotliETag => _content!.BrotliETag;

    /// <summary>Renders MudBlazor's theme provider once per scheme, exactly as it would render in a page.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var theme = ConnectUiTheme.For(installation);
        var light = await RenderStylesAsync(theme, isDarkMode: false);
        var dark = await RenderStylesAsync(theme, isDarkMode: true);
        var css = $"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n";
        var bytes = Encoding.UTF8.GetBytes(css);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        _content = new Content(css, $"theme.{hash}.css", $"\"{hash}\"", new Lazy<byte[]>(() => Compress(bytes)), $"\"{hash}-br\"");
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, new BrotliCompressionOptions { Quality = 11 }))
        {
            brotli.Write(bytes);
        }

        return compressed.ToArray();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The address of the stylesheet that puts a brand's primary colours over the installation's, or null when they
    /// are the installation's. The colours are the address, so any instance answers it and browsers cache it.
    /// </summary>
    public string? PrimaryStylesheetPath(Brand brand) =>
        brand.Primary == installation.Primary && brand.PrimaryDark == installation.PrimaryDark
            ? null
            : $"theme-primary/{brand.Primary.ToString()[1..]}-{brand.PrimaryDark.ToString()[1..]}.css";

    /// <summary>
    /// The primary colour's variables (the colour, its text, hover, lighter and darker shades) for light and dark, as
    /// MudBlazor derives them; null unless both colours are written as <see cref="PrimaryStylesheetPath"/> writes them
    /// and pass <see cref="BrandRules"/>, so the address cannot draw a colour a host could not have set.
    /// </summary>
    internal async Task<string?> PrimaryStylesheetAsync(string lightHex, string darkHex)
    {
        if (!BrandColor.TryParse("#" + lightHex, out var light) || !BrandColor.TryParse("#" + darkHex, out var dark)
            || light.ToString() != "#" + lightHex || dark.ToString() != "#" + darkHex
            || BrandRules.CheckPrimaryColor(light.ToString(), "light", dark: false) is not null
            || BrandRules.CheckPrimaryColor(dark.ToString(), "dark", dark: true) is not null)
        {
            return null;
        }

        if (_primaryStylesheets.TryGetValue((light, dark), out var kept))
        {
            return kept;
        }

        var theme = ConnectUiTheme.For(light, dark);
        var lightVariables = PrimaryVariable().Matches(await RenderStylesAsync(theme, isDarkMode: false)).Select(m => m.Value);
        var darkVariables = PrimaryVariable().Matches(await RenderStylesAsync(theme, isDarkMode: true)).Select(m => m.Value);
        var css = $":root {{\n{string.Join("\n", lightVariables)}\n}}\n"
            + $"@media (prefers-color-scheme: dark) {{\n:root {{\n{string.Join("\n", darkVariables)}\n}}\n}}\n";
        if (_primaryStylesheets.Count < MaxKeptPrimaryStylesheets)
        {
            _primaryStylesheets.TryAdd((light, dark), css);
        }

        return css;
    }

    private async Task<string> RenderStylesAsync(MudTheme theme, bool isDarkMode)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = theme,
                [nameof(MudThemeProvider.IsDarkMode)] = isDarkMode,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"--mud-palette-primary[a-z-]*:[^;]*;")]
    private static partial Regex PrimaryVariable();

    private sealed record Content(string Css, string Path, string ETag, Lazy<byte[]> Brotli, string BrotliETag);
}

public static class ThemeStylesheetExtensions
{
    public static IServiceCollection AddThemeStylesheet(this IServiceCollection services)
    {
        services.TryAddSingleton<ThemeStylesheet>();
        services.TryAddSingleton<IThemeStylesheet>(provider => provider.GetRequiredService<ThemeStylesheet>());
        services.AddHostedService(provider => provider.GetRequiredService<ThemeStylesheet>());
        return services;
    }

    /// <summary>
    /// Serves the theme stylesheet at its versioned address, immutable for a year: compressed once with Brotli for
    /// browsers that accept it (each encoding its own ETag), otherwise as text the response compression may gzip.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme.{version}.css", (string version, HttpContext context, ThemeStylesheet theme) =>
        {
            if (!string.Equals($"/{theme.Path}", context.Request.Path, StringComparison.Ordinal))
            {
                return Results.NotFound();
            }

            var brotli = AcceptsBrotli(context.Request);
            var etag = brotli ? theme.BrotliETag : theme.ETag;
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            if (!brotli)
            {
                return Results.Text(theme.Css, "text/css; charset=utf-8");
            }

            // Already encoded: the response compression leaves a response with a Content-Encoding alone.
            context.Response.Headers.ContentEncoding = "br";
            return Results.Bytes(theme.Brotli, "text/css; charset=utf-8");
        }).ExcludeFromDescription();

        // A host's session colours over the theme; the address is the colours, so it never changes content.
        endpoints.MapGet("/theme-primary/{light}-{dark}.css", async (string light, string dark, HttpContext context, ThemeStylesheet theme) =>
        {
            if (await theme.PrimaryStylesheetAsync(light, dark) is not { } css)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static bool AcceptsBrotli(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(encoding =>
            string.Equals(encoding.Value.Value, "br", StringComparison.OrdinalIgnoreCase) && (encoding.Quality ?? 1) > 0);
}
