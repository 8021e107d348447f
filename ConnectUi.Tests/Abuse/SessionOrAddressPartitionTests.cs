using System.Net;
using ConnectUi.Abuse;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Abuse;

public sealed class SessionOrAddressPartitionTests
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

        Assert.Equal("ip:203.0.113.5", Partition(address).CallerKey);
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

        Assert.Equal("ip:2001:db8::1", Partition(new CallerAddress(_accessor)).CallerKey);
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
        Assert.Equal(IAttemptPartition.Unknown, Partition(new CallerAddress(_accessor)).CallerKey);
    }

    [Fact]
    public void A_person_who_came_through_a_host_session_is_counted_by_that_session_wherever_they_connect_from()
    {
        _accessor.HttpContext = From("203.0.113.5");
        var sessions = new ConnectSessionContext(Options.Create(new SessionOptions()));
        var session = new ConnectSession(
            Guid.Parse("9b0c4d1e-7f2a-4c55-8d3e-1a2b3c4d5e6f"), "user-1", null, null, null, null, DateTimeOffset.MaxValue);
        sessions.Start(session, reconnectTarget: null);

        Assert.Equal("session:9b0c4d1e7f2a4c558d3e1a2b3c4d5e6f", new SessionOrAddressPartition(sessions, new CallerAddress(_accessor)).CallerKey);
    }

    private static SessionOrAddressPartition Partition(CallerAddress address) =>
        new(new ConnectSessionContext(Options.Create(new SessionOptions())), address);

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
