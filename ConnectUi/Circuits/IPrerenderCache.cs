using Microsoft.AspNetCore.Components;

namespace ConnectUi.Circuits;

/// <summary>The rendered HTML of pages marked <see cref="CachedPrerenderAttribute"/>, kept per address and culture.</summary>
public interface IPrerenderCache
{
    /// <summary>
    /// The HTML the <paramref name="root"/> component renders for this request (with <paramref name="parameters"/>, which
    /// must keep it from asking the cache again), from the cache or rendered and kept first; null when the request must
    /// render it itself.
    /// </summary>
    ValueTask<CachedPrerender?> GetOrRenderAsync(HttpContext context, Type root, IReadOnlyDictionary<string, object?> parameters);
}

/// <summary>A cached render: the root component's HTML and what it put in the document's head (the page's title).</summary>
public sealed record CachedPrerender(MarkupString Html, MarkupString Head);
