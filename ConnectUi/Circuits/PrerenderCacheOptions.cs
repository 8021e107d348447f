namespace ConnectUi.Circuits;

/// <summary><c>ConnectUi:PrerenderCache</c>: whether pages marked <see cref="CachedPrerenderAttribute"/> prerender once.</summary>
public sealed class PrerenderCacheOptions
{
    public const string Section = "ConnectUi:PrerenderCache";

    /// <summary>On unless turned off; off, every request's prerender renders the page's components.</summary>
    public bool Enabled { get; set; } = true;
}
