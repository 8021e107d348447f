namespace ConnectUi.Abuse;

/// <summary>
/// The client address of the current circuit or request. A Blazor circuit's events are not HTTP requests, so the
/// address is captured when the circuit connects (<see cref="CallerAddressCircuitHandler"/>) and kept for its lifetime.
/// </summary>
public sealed class CallerAddress(IHttpContextAccessor httpContextAccessor)
{
    private string? _captured;

    /// <summary>The captured address, else the current request's (prerender, API calls), else null.</summary>
    public string? Value => _captured ?? Of(httpContextAccessor.HttpContext);

    /// <summary>Keeps the address of this HTTP context; the first one seen wins, so a reconnect cannot move a circuit to a fresh allowance.</summary>
    public void Capture(HttpContext? context) => _captured ??= Of(context);

    /// <summary>The remote address as text; an IPv4 address mapped into IPv6 counts as the IPv4 address, so both forms share a limit.</summary>
    public static string? Of(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
}
