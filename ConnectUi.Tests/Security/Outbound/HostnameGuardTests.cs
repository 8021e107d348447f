using System.Net;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Security.Outbound;

public sealed class HostnameGuardTests
{
    private const string Host = "cw.example.com";
    private static readonly IPAddress PublicV4 = IPAddress.Parse("93.184.215.14");
    private static readonly IPAddress PublicV6 = IPAddress.Parse("2606:4700:4700::1111");

    private readonly RecordingConnector _connector = new();

    private HostnameGuard Guard(FakeResolver resolver, bool allowPrivateNetworks = false) =>
        new(resolver, Options.Create(new OutboundOptions { AllowPrivateNetworks = allowPrivateNetworks }), _connector.ConnectAsync);

    public static TheoryData<string> Forbidden => new()
    {
        "127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "255.255.255.255",
        "224.0.0.1", "239.255.255.250", "192.0.2.1", "198.51.100.1", "203.0.113.7", "198.18.0.1",
        "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "ff02::1", "2001:db8::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1", "::ffff:100.64.0.1",
        "64:ff9b::a00:1", "2002:a00:1::1", "::10.0.0.1",
        "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff", "192.88.99.1", "192.88.99.255",
        "::ffff:192.88.99.1", "2001:2::1", "2001:1ff::1",
    };

    public static TheoryData<string> Public => new()
    {
        "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
        "192.169.0.1", "169.255.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8",
        "64:ff9b::808:808", "2001:200::1", "2001:4860:4860::8888", "192.88.98.255", "192.88.100.0",
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Classifies_forbidden_addresses(string address) =>
        Assert.True(ForbiddenAddresses.IsForbidden(IPAddress.Parse(address)), address);

    [Theory]
    [MemberData(nameof(Public))]
    public void Lets_public_addresses_through(string address) =>
        Assert.False(ForbiddenAddresses.IsForbidden(IPAddress.Parse(address)), ForbiddenAddresses.Classify(IPAddress.Parse(address)));

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Refuses_to_connect_to_a_name_resolving_to_a_forbidden_address(string address)
    {
        var guard = Guard(new FakeResolver([IPAddress.Parse(address)]));

        await Assert.ThrowsAsync<HostNotAllowedException>(() => guard.ConnectAsync(Host, 443, allowLoopback: false, CancellationToken.None).AsTask());

        Assert.Empty(_connector.EndPoints);
    }

    [Fact]
    public async Task Connects_to_the_checked_public_address()
    {
        var guard = Guard(new FakeResolver([PublicV6, PublicV4]));

        await using var stream = await guard.ConnectAsync(Host, 443, allowLoopback: false, CancellationToken.None);

        Assert.Equal(new IPEndPoint(PublicV6, 443), Assert.Single(_connector.EndPoints));
    }

    [Fact]
    public async Task One_forbidden_answer_among_public_ones_refuses_the_name()
    {
        var guard = Guard(new FakeResolver([PublicV4, IPAddress.Parse("10.0.0.5")]));

        await Assert.ThrowsAsync<HostNotAllowedException>(() => guard.ConnectAsync(Host, 443, false, CancellationToken.None).AsTask());

        Assert.Empty(_connector.EndPoints);
    }

    [Fact]
    public async Task Rebinding_cannot_switch_the_address_after_the_check()
    {
        // A hostile DNS server answers public first, then private: each connection resolves once and connects to what it checked.
        var resolver = new FakeResolver([PublicV4], [IPAddress.Parse("10.0.0.5")]);
        var guard = Guard(resolver);

        await using var first = await guard.ConnectAsync(Host, 443, false, CancellationToken.None);
        Assert.Equal(1, resolver.Calls);
        Assert.Equal(new IPEndPoint(PublicV4, 443), Assert.Single(_connector.EndPoints));

        await Assert.ThrowsAsync<HostNotAllowedException>(() => guard.ConnectAsync(Host, 443, false, CancellationToken.None).AsTask());
        Assert.Equal(2, resolver.Calls);
        Assert.Single(_connector.EndPoints);
    }

    [Fact]
    public async Task Rebinding_through_the_http_handler_never_reaches_the_private_address()
    {
        var resolver = new FakeResolver([PublicV4], [IPAddress.Parse("169.254.169.254")]);
        var guard = Guard(resolver);
        using var client = new HttpClient(guard.CreateHandler());

        // The recording connector hands back an empty stream, so the first request fails after connecting: that is fine here.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"https://{Host}/first"));
        var second = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"https://{Host}/second"));

        Assert.IsType<HostNotAllowedException>(second.InnerException);
        Assert.All(_connector.EndPoints, e => Assert.Equal(PublicV4, e.Address));
        Assert.NotEmpty(_connector.EndPoints);
    }

    [Fact]
    public async Task Allow_private_networks_lifts_the_address_check()
    {
        var guard = Guard(new FakeResolver([IPAddress.Parse("10.0.0.5")]), allowPrivateNetworks: true);

        await using var stream = await guard.ConnectAsync(Host, 443, false, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("10.0.0.5"), Assert.Single(_connector.EndPoints).Address);
    }

    [Fact]
    public async Task The_loopback_allowance_covers_loopback_only()
    {
        var loopback = Guard(new FakeResolver([IPAddress.Loopback]));
        var privateNetwork = Guard(new FakeResolver([IPAddress.Parse("192.168.0.10")]));

        await using var stream = await loopback.ConnectAsync("127.0.0.1", 5000, allowLoopback: true, CancellationToken.None);
        await Assert.ThrowsAsync<HostNotAllowedException>(() => privateNetwork.ConnectAsync(Host, 443, allowLoopback: true, CancellationToken.None).AsTask());

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5000), Assert.Single(_connector.EndPoints));
    }

    [Fact]
    public async Task A_name_without_addresses_is_host_not_found()
    {
        var guard = Guard(new FakeResolver());

        var error = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => guard.ConnectAsync(Host, 443, false, CancellationToken.None).AsTask());

        Assert.Equal(System.Net.Sockets.SocketError.HostNotFound, error.SocketErrorCode);
    }

    [Theory]
    [InlineData("https://cw.example.com/", false, false, false, true)]
    [InlineData("https://cw.example.com:443/x", false, false, false, true)]
    [InlineData("http://cw.example.com/", false, false, false, false)]
    [InlineData("https://cw.example.com:8443/", false, false, false, false)]
    [InlineData("https://10.0.0.1/", false, false, false, false)]
    [InlineData("https://[::1]/", false, false, false, false)]
    [InlineData("https://user:pw@cw.example.com/", false, false, false, false)]
    [InlineData("ftp://cw.example.com/", false, false, false, false)]
    [InlineData("https://simulator.internal:8443/", true, false, false, true)]
    [InlineData("http://127.0.0.1:5000/sandbox/connectwise/", true, false, false, false)]
    [InlineData("http://127.0.0.1:5000/sandbox/connectwise/", true, true, false, true)]
    [InlineData("http://127.0.0.1:5000/sandbox/connectwise/", true, false, true, true)]
    [InlineData("http://localhost:5000/", true, true, false, true)]
    [InlineData("http://127.0.0.1:5000/", false, true, true, false)]
    [InlineData("http://cw.example.com/", true, true, true, false)]
    public void Checks_scheme_port_and_host_of_a_target(string target, bool viaOverride, bool overrideMayBeLoopback, bool allowPrivateNetworks, bool allowed)
    {
        var guard = Guard(new FakeResolver(), allowPrivateNetworks);

        var refusal = guard.CheckTarget(new Uri(target), viaOverride, overrideMayBeLoopback);

        Assert.Equal(allowed, refusal is null);
    }
}
