using System.Net;

namespace ConnectUi.Security.Outbound;

/// <summary>Turns a hostname into addresses; injectable so tests can play a hostile DNS server.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string hostname, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string hostname, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(hostname, cancellationToken);
}
