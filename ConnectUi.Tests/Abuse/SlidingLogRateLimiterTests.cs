using System.Threading.RateLimiting;
using ConnectUi.Abuse;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Abuse;

public sealed class SlidingLogRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(TestServices.Now);

    [Fact]
    public void Grants_the_limit_then_refuses_with_the_exact_wait_for_the_oldest_grant_to_leave_the_window()
    {
        using var limiter = Limiter(permits: 3, window: TimeSpan.FromMinutes(1));

        Assert.True(Acquire(limiter).IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(Acquire(limiter).IsAcquired);
        Assert.True(Acquire(limiter).IsAcquired);

        using var refused = Acquire(limiter);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(50), retryAfter);
    }

    [Fact]
    public void The_window_slides_one_grant_at_a_time()
    {
        using var limiter = Limiter(permits: 2, window: TimeSpan.FromMinutes(1));
        Acquire(limiter);
        _time.Advance(TimeSpan.FromSeconds(30));
        Acquire(limiter);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(Acquire(limiter).IsAcquired);
        Assert.False(Acquire(limiter).IsAcquired);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(Acquire(limiter).IsAcquired);
    }

    [Fact]
    public void Refusals_take_no_permit()
    {
        using var limiter = Limiter(permits: 1, window: TimeSpan.FromMinutes(1));
        Acquire(limiter);
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            Assert.False(Acquire(limiter).IsAcquired);
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(Acquire(limiter).IsAcquired);
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(10, limiter.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public void Is_idle_only_once_every_grant_left_the_window()
    {
        using var limiter = Limiter(permits: 2, window: TimeSpan.FromMinutes(1));
        Acquire(limiter);
        Assert.Null(limiter.IdleDuration);

        _time.Advance(TimeSpan.FromSeconds(75));

        Assert.Equal(TimeSpan.FromSeconds(15), limiter.IdleDuration);
    }

    [Fact]
    public async Task Waiting_acquisitions_answer_at_once_instead_of_queueing()
    {
        using var limiter = Limiter(permits: 1, window: TimeSpan.FromMinutes(1));
        Acquire(limiter);

        using var lease = await limiter.AcquireAsync();

        Assert.False(lease.IsAcquired);
    }

    private SlidingLogRateLimiter Limiter(int permits, TimeSpan window) =>
        new(new WindowLimit { PermitLimit = permits, Window = window }, _time);

    private static RateLimitLease Acquire(RateLimiter limiter) => limiter.AttemptAcquire();
}
