using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Outbound;

/// <summary>
/// Keeps calls to a user-supplied hostname on the public internet: HTTPS on port 443 only, and a
/// connection only to an address that passed the check. The check runs inside the handler's
/// <see cref="SocketsHttpHandler.ConnectCallback"/> on the very addresses we connect to, so a DNS
/// server that answers "public" first and "private" later (rebinding) cannot slip through.
/// </summary>
public sealed class HostnameGuard
{
    /// <summary>Set on a request sent to an operator-configured override that may be a loopback simulator (the sandbox).</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowLoopbackKey = new("ConnectUi.Outbound.AllowLoopback");

    private readonly IHostResolver _resolver;
    private readonly IOptions<OutboundOptions> _options;
    private readonly Func<IPEndPoint, CancellationToken, ValueTask<Stream>> _connect;

    public HostnameGuard(IHostResolver resolver, IOptions<OutboundOptions> options)
        : this(resolver, options, ConnectSocketAsync)
    {
    }

    /// <summary>Lets tests observe which address would be connected to without opening a socket.</summary>
    internal HostnameGuard(IHostResolver resolver, IOptions<OutboundOptions> options, Func<IPEndPoint, CancellationToken, ValueTask<Stream>> connect)
    {
        _resolver = resolver;
        _options = options;
        _connect = connect;
    }

    /// <summary>
    /// Why <paramref name="target"/> may not be called, or null when its scheme, host and port are acceptable.
    /// Addresses are checked later, at connection time.
    /// </summary>
    /// <param name="viaOverride">The target comes from operator configuration, not from what a person typed.</param>
    /// <param name="overrideMayBeLoopback">The override is a local simulator: plain HTTP to loopback is fine for it.</param>
    public string? CheckTarget(Uri target, bool viaOverride = false, bool overrideMayBeLoopback = false)
    {
        if (!target.IsAbsoluteUri)
        {
            return "the address is not absolute";
        }

        if (!string.IsNullOrEmpty(target.UserInfo))
        {
            return "the address carries user information";
        }

        if (!viaOverride)
        {
            if (target.Scheme != Uri.UriSchemeHttps || target.Port != 443)
            {
                return "only HTTPS on port 443 is allowed";
            }

            return target.HostNameType == UriHostNameType.Dns ? null : "an IP address was given instead of a hostname";
        }

        if (target.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        var loopbackAllowed = overrideMayBeLoopback || _options.Value.AllowPrivateNetworks;
        return target.Scheme == Uri.UriSchemeHttp && target.IsLoopback && loopbackAllowed
            ? null
            : "plain HTTP is allowed only to a loopback simulator";
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolve once, check every address, connect to a checked one.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowLoopback = context.InitialRequestMessage.Options.TryGetValue(AllowLoopbackKey, out var allowed) && allowed;
        return ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, allowLoopback, cancellationToken);
    }

    internal async ValueTask<Stream> ConnectAsync(string host, int port, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = await _resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!_options.Value.AllowPrivateNetworks)
        {
            // One forbidden answer refuses the whole name: a public host has no business resolving to our network.
            foreach (var address in addresses)
            {
                if (ForbiddenAddresses.Classify(address) is { } range && !(allowLoopback && IPAddress.IsLoopback(address)))
                {
                    throw new HostNotAllowedException($"{host} resolves to a {range} address");
                }
            }
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await _connect(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                last = ex;
            }
        }

        throw last!;
    }

    /// <summary>The primary handler of a client that calls user-supplied hosts.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,

        // Through a proxy the callback would check the proxy's address, not the provider's.
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    private static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The hostname guard refused a target; the message names the reason, never a credential.</summary>
public sealed class HostNotAllowedException(string reason) : Exception(reason);
