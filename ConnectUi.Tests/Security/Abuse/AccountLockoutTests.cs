using ConnectUi.Security.Abuse;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Security.Abuse;

public sealed class AccountLockoutTests
{
    private const string Account = "account-a";
    private readonly FakeTimeProvider _time = new(TestServices.Now);
    private readonly AccountLockout _lockout;

    public AccountLockoutTests() => _lockout = new AccountLockout(Options.Create(new RateLimitOptions()), _time);

    [Fact]
    public void Two_failures_do_not_lock_the_third_locks_for_30_seconds()
    {
        Assert.Null(_lockout.RecordFailure(Account));
        Assert.Null(_lockout.RecordFailure(Account));
        Assert.Null(_lockout.LockedFor(Account));

        Assert.Equal(TimeSpan.FromSeconds(30), _lockout.RecordFailure(Account));

        Assert.Equal(TimeSpan.FromSeconds(30), _lockout.LockedFor(Account));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(TimeSpan.FromSeconds(1), _lockout.LockedFor(Account));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_lockout.LockedFor(Account));
    }

    [Fact]
    public void Each_further_failure_doubles_the_lockout_up_to_15_minutes()
    {
        var lockouts = new List<TimeSpan?>();
        for (var i = 0; i < 10; i++)
        {
            lockouts.Add(_lockout.RecordFailure(Account));
            _time.Advance(_lockout.LockedFor(Account) ?? TimeSpan.Zero);
        }

        Assert.Equal(
            new TimeSpan?[] { null, null, S(30), S(60), S(120), S(240), S(480), S(900), S(900), S(900) },
            lockouts);
    }

    [Fact]
    public void A_success_clears_the_streak()
    {
        _lockout.RecordFailure(Account);
        _lockout.RecordFailure(Account);
        _lockout.RecordSuccess(Account);

        Assert.Null(_lockout.RecordFailure(Account));
        Assert.Null(_lockout.RecordFailure(Account));
        Assert.Equal(S(30), _lockout.RecordFailure(Account));
    }

    [Fact]
    public void A_streak_older_than_an_hour_is_forgotten()
    {
        _lockout.RecordFailure(Account);
        _lockout.RecordFailure(Account);

        _time.Advance(TimeSpan.FromHours(1) + S(1));

        Assert.Null(_lockout.RecordFailure(Account));
    }

    [Fact]
    public void Accounts_are_counted_apart()
    {
        _lockout.RecordFailure(Account);
        _lockout.RecordFailure(Account);
        _lockout.RecordFailure(Account);

        Assert.Null(_lockout.LockedFor("account-b"));
        Assert.Null(_lockout.RecordFailure("account-b"));
    }

    [Fact]
    public void Stale_accounts_are_swept_once_many_are_remembered()
    {
        for (var i = 0; i < AccountLockout.SweepThreshold; i++)
        {
            _lockout.RecordFailure($"guess-{i}");
        }

        _time.Advance(TimeSpan.FromHours(2));
        _lockout.RecordFailure(Account);

        Assert.Equal(1, _lockout.RememberedAccounts);
    }

    [Fact]
    public void A_huge_streak_stays_at_the_maximum_without_overflowing()
    {
        var lockout = new AccountLockout(
            Options.Create(new RateLimitOptions { Lockout = new LockoutLimit { FirstLockout = TimeSpan.FromDays(1), MaxLockout = TimeSpan.FromDays(2), ForgetFailuresAfter = TimeSpan.FromDays(3) } }),
            _time);
        TimeSpan? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = lockout.RecordFailure(Account);
        }

        Assert.Equal(TimeSpan.FromDays(2), last);
    }

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);
}
