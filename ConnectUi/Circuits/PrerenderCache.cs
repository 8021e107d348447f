using System.Globalization;
using ConnectUi.Providers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

[assembly: System.Reflection.Metadata.MetadataUpdateHandler(typeof(ConnectUi.Circuits.PrerenderCache))]

namespace ConnectUi.Circuits;

/// <summary>
/// The HTML of pages marked <see cref="CachedPrerenderAttribute"/> (the provider pages' prerender, the static catalog):
/// rendered once per address and culture, then written as it is. A prerender is only what the browser shows until the
/// circuit's first render replaces it, and building the page's component trees on every request was most of what a
/// request for it cost. What differs per request stays outside the cached part: the interactive root's descriptor, the
/// persisted state with its antiforgery token, the CSP nonce. A request is served from the cache only where that is
/// exact: a GET without a query string (a provider's page only for a known provider, spelt as the catalog spells it),
/// whose render set no header; the status the render set (403 where a session is required) goes with the HTML.
/// </summary>
public sealed class PrerenderCache : IPrerenderCache, IDisposable
{
    /// <summary>Pages times cultures is a few dozen; the bound keeps odd host names from growing the cache.</summary>
    internal const int MaxEntries = 256;

    private static event Action? HotReloaded;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly IProviderCatalog _catalog;
    private readonly bool _enabled;
    private int _renders;

    public PrerenderCache(IProviderCatalog catalog, IOptions<PrerenderCacheOptions> options)
    {
        _catalog = catalog;
        _enabled = options.Value.Enabled;
        HotReloaded += _entries.Clear;
    }

    /// <summary>How many pages were rendered for the cache since the app started.</summary>
    internal int Renders => Volatile.Read(ref _renders);

    /// <inheritdoc />
    public async ValueTask<CachedPrerender?> GetOrRenderAsync(HttpContext context, Type root, IReadOnlyDictionary<string, object?> parameters)
    {
        if (KeyFor(context) is not { } key)
        {
            return null;
        }

        var response = context.Response;
        if (_entries.TryGetValue(key, out Entry? entry) && entry is not null)
        {
            if (entry.Prerender is not null && !response.HasStarted)
            {
                response.StatusCode = entry.StatusCode;
            }

            return entry.Prerender;
        }

        var headers = response.Headers.Count;
        var rendered = await RenderAsync(context, root, parameters);
        Interlocked.Increment(ref _renders);

        // A render that set a header (a cookie, say) did more than write HTML: its page renders on every request instead.
        var stored = response.Headers.Count == headers ? new Entry(rendered, response.StatusCode) : new Entry(null, 0);
        _entries.Set(key, stored, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return rendered;
    }

    /// <summary>Called by .NET hot reload (<c>dotnet watch</c>), which looks for it by name: a changed component renders differently.</summary>
    public static void ClearCache(Type[]? updatedTypes) => HotReloaded?.Invoke();

    public void Dispose()
    {
        HotReloaded -= _entries.Clear;
        _entries.Dispose();
    }

    private Key? KeyFor(HttpContext context)
    {
        var request = context.Request;
        if (!_enabled
            || !HttpMethods.IsGet(request.Method)
            || request.QueryString.HasValue
            || context.GetEndpoint()?.Metadata.GetMetadata<CachedPrerenderAttribute>() is null)
        {
            return null;
        }

        // A provider's page: an unknown provider's is a "not found" to render, another spelling one more copy to keep.
        if (context.GetRouteValue("ProviderId") is { } id && _catalog.Find(id.ToString())?.Id != id.ToString())
        {
            return null;
        }

        return new Key(
            request.Scheme,
            request.Host.Value ?? string.Empty,
            request.PathBase.Value ?? string.Empty,
            request.Path.Value ?? string.Empty,
            CultureInfo.CurrentCulture.Name,
            CultureInfo.CurrentUICulture.Name);
    }

    // The root as this request would render it, in a renderer of its own over the request's services, and the document
    // head it fills (the page's title).
    private static async Task<CachedPrerender> RenderAsync(HttpContext context, Type root, IReadOnlyDictionary<string, object?> parameters)
    {
        var services = context.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = await renderer.RenderComponentAsync(root, ParameterView.FromDictionary(new Dictionary<string, object?>(parameters)));
            var head = await renderer.RenderComponentAsync<HeadOutlet>();
            return new CachedPrerender(new MarkupString(html.ToHtmlString()), new MarkupString(head.ToHtmlString()));
        });
    }

    private sealed record Entry(CachedPrerender? Prerender, int StatusCode);

    private readonly record struct Key(string Scheme, string Host, string PathBase, string Path, string Culture, string UiCulture);
}
