using System.Net;
using ConnectUi.Security.Abuse;
using Microsoft.AspNetCore.Http;

namespace ConnectUi.Tests.Security.Abuse;

public sealed class ClientAddressPartitionTests
{
    private readonly HttpContextAccessor _accessor = new();

    [Fact]
    public async Task A_circuit_keeps_the_address_it_connected_from_after_the_request_is_gone()
    {
        var address = new CallerAddress(_accessor);
        var handler = new CallerAddressCircuitHandler(address, _accessor);
        _accessor.HttpContext = From("203.0.113.5");

        await handler.OnConnectionUpAsync(null!, default);
        _accessor.HttpContext = null;

        Assert.Equal("ip:203.0.113.5", new ClientAddressPartition(address).CallerKey);
    }

    [Fact]
    public async Task A_reconnect_from_elsewhere_does_not_move_the_circuit_to_a_fresh_allowance()
    {
        var address = new CallerAddress(_accessor);
        var handler = new CallerAddressCircuitHandler(address, _accessor);
        _accessor.HttpContext = From("203.0.113.5");
        await handler.OnConnectionUpAsync(null!, default);

        _accessor.HttpContext = From("198.51.100.9");
        await handler.OnConnectionUpAsync(null!, default);

        Assert.Equal("203.0.113.5", address.Value);
    }

    [Fact]
    public void Outside_a_circuit_the_current_request_answers()
    {
        _accessor.HttpContext = From("2001:db8::1");

        Assert.Equal("ip:2001:db8::1", new ClientAddressPartition(new CallerAddress(_accessor)).CallerKey);
    }

    [Fact]
    public void An_IPv4_address_mapped_into_IPv6_counts_as_the_IPv4_address()
    {
        _accessor.HttpContext = From("::ffff:203.0.113.5");

        Assert.Equal("203.0.113.5", new CallerAddress(_accessor).Value);
    }

    [Fact]
    public void Without_any_address_the_caller_is_unknown()
    {
        Assert.Equal(IAttemptPartition.Unknown, new ClientAddressPartition(new CallerAddress(_accessor)).CallerKey);
    }

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
