namespace ConnectUi.Security.Transport;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, bound from
/// <c>ConnectUi:ForwardedHeaders</c>. With none configured the headers are ignored: anyone can send them.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ConnectUi:ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the app, as they connect to it (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks of such proxies in CIDR notation (<c>10.0.0.0/24</c>), when they are many or change.</summary>
    public IList<string> KnownNetworks { get; init; } = [];

    /// <summary>How many proxies in a row may append to <c>X-Forwarded-For</c>; the rightmost entries past our own are believed.</summary>
    public int ForwardLimit { get; set; } = 1;

    internal bool IsEnabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
