using System.Net;
using System.Net.Sockets;

namespace ConnectUi.Security.Outbound;

/// <summary>
/// Address ranges a user-supplied hostname must never reach: our own machine, private networks,
/// cloud metadata services and addresses that are not unicast on the public internet.
/// </summary>
public static class ForbiddenAddresses
{
    private static readonly (IPAddress Network, int PrefixLength, string Name)[] Ranges =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "this network"),
        (IPAddress.Parse("10.0.0.0"), 8, "private network"),
        (IPAddress.Parse("100.64.0.0"), 10, "carrier-grade NAT"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local (includes cloud metadata 169.254.169.254)"),
        (IPAddress.Parse("172.16.0.0"), 12, "private network"),
        (IPAddress.Parse("192.0.0.0"), 24, "IETF protocol assignments"),
        (IPAddress.Parse("192.0.2.0"), 24, "documentation"),
        (IPAddress.Parse("192.88.99.0"), 24, "6to4 relay anycast (deprecated, reaches whatever relay answers)"),
        (IPAddress.Parse("192.168.0.0"), 16, "private network"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("198.51.100.0"), 24, "documentation"),
        (IPAddress.Parse("203.0.113.0"), 24, "documentation"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved (includes broadcast)"),
        (IPAddress.Parse("::"), 128, "unspecified"),
        (IPAddress.Parse("::1"), 128, "loopback"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "local-use NAT64"),
        (IPAddress.Parse("100::"), 64, "discard"),
        (IPAddress.Parse("2001::"), 32, "Teredo (tunnels to an IPv4 address the relay picks)"),
        (IPAddress.Parse("2001::"), 23, "IETF protocol assignments (benchmarking, ORCHID, anycast)"),
        (IPAddress.Parse("2001:db8::"), 32, "documentation"),
        (IPAddress.Parse("fc00::"), 7, "unique local (includes cloud metadata fd00:ec2::254)"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    /// <summary>The name of the forbidden range holding <paramref name="address"/>, or null when it is a public unicast address.</summary>
    public static string? Classify(IPAddress address)
    {
        // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms reach the IPv4 host: judge them as IPv4.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var (network, prefixLength, name) in Ranges)
        {
            if (network.AddressFamily == address.AddressFamily && IsInRange(address, network, prefixLength))
            {
                return name;
            }
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address that the gateway will reach.
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (IsInRange(address, IPAddress.Parse("64:ff9b::"), 96))
            {
                return Classify(new IPAddress(bytes[12..16])) is { } name ? $"NAT64 of {name}" : null;
            }

            if (bytes[0] == 0x20 && bytes[1] == 0x02)
            {
                return Classify(new IPAddress(bytes[2..6])) is { } name ? $"6to4 of {name}" : null;
            }

            if (bytes[..12].All(b => b == 0))
            {
                return "IPv4-compatible";
            }
        }

        return null;
    }

    public static bool IsForbidden(IPAddress address) => Classify(address) is not null;

    private static bool IsInRange(IPAddress address, IPAddress network, int prefixLength)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var fullBytes = prefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        var remainingBits = prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }
}
