using ConnectUi.Abuse;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Abuse;

/// <summary>
/// Failed host API authentications per address, counted in the lock-out store: with one store shared (as Redis is
/// shared by every instance), failures made through different instances count together.
/// </summary>
public sealed class FailedAuthenticationLimiterTests
{
    private const string Address = "ip:203.0.113.9";
    private readonly FakeTimeProvider _time = new(TestServices.Now);
    private readonly InMemoryLockoutStore _store;

    public FailedAuthenticationLimiterTests() => _store = new InMemoryLockoutStore(_time);

    [Fact]
    public async Task Three_failures_block_the_address_until_a_window_after_the_last_one()
    {
        var limiter = Limiter();

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limiter.BlockedForAsync(Address, CancellationToken.None));
            await limiter.RecordFailureAsync(Address, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(50), await limiter.BlockedForAsync(Address, CancellationToken.None));
        Assert.Null(await limiter.BlockedForAsync("ip:198.51.100.7", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(await limiter.BlockedForAsync(Address, CancellationToken.None));
    }

    [Fact]
    public async Task Checking_counts_nothing()
    {
        var limiter = Limiter();

        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await limiter.BlockedForAsync(Address, CancellationToken.None));
        }

        await limiter.RecordFailureAsync(Address, CancellationToken.None);
        await limiter.RecordFailureAsync(Address, CancellationToken.None);
        Assert.Null(await limiter.BlockedForAsync(Address, CancellationToken.None));
    }

    [Fact]
    public async Task Failures_through_two_instances_sharing_the_store_count_together()
    {
        var (first, second) = (Limiter(), Limiter());

        await first.RecordFailureAsync(Address, CancellationToken.None);
        await second.RecordFailureAsync(Address, CancellationToken.None);
        await first.RecordFailureAsync(Address, CancellationToken.None);

        Assert.NotNull(await second.BlockedForAsync(Address, CancellationToken.None));
        Assert.NotNull(await first.BlockedForAsync(Address, CancellationToken.None));
    }

    [Fact]
    public async Task Failures_a_window_apart_are_forgotten()
    {
        var limiter = Limiter();

        for (var i = 0; i < 5; i++)
        {
            await limiter.RecordFailureAsync(Address, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.Null(await limiter.BlockedForAsync(Address, CancellationToken.None));
    }

    private FailedAuthenticationLimiter Limiter() => new(
        _store,
        Options.Create(new RateLimitOptions { FailedAuthentication = new() { PermitLimit = 3, Window = TimeSpan.FromMinutes(1) } }),
        _time);
}
