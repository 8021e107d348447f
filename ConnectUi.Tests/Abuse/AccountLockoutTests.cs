using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Abuse;

/// <summary>The lock-out policy over the in-memory store: per account and caller it locks, across callers it only spaces attempts.</summary>
public sealed class AccountLockoutTests
{
    private const string Account = "account-a";
    private const string Caller = "session:attacker";
    private readonly FakeTimeProvider _time = new(TestServices.Now);
    private readonly InMemoryLockoutStore _store;
    private readonly AccountLockout _lockout;

    public AccountLockoutTests()
    {
        _store = new InMemoryLockoutStore(_time);
        _lockout = Lockout(new LockoutLimit());
    }

    [Fact]
    public async Task Two_failures_do_not_lock_the_third_locks_that_caller_for_30_seconds()
    {
        Assert.Null(await FailAsync());
        Assert.Null(await FailAsync());
        Assert.Null(await LockedForAsync());

        Assert.Equal(S(30), await FailAsync());

        Assert.Equal(S(30), await LockedForAsync());
        _time.Advance(S(29));
        Assert.Equal(S(1), await LockedForAsync());
        _time.Advance(S(1));
        Assert.Null(await LockedForAsync());
    }

    [Fact]
    public async Task Another_caller_on_the_same_account_is_not_locked()
    {
        for (var i = 0; i < 8; i++)
        {
            await FailAsync();
        }

        Assert.NotNull(await LockedForAsync());
        Assert.Null(await _lockout.LockedForAsync(Account, "session:owner", CancellationToken.None));
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_callers_lockout_up_to_15_minutes()
    {
        var lockouts = new List<TimeSpan?>();
        for (var i = 0; i < 10; i++)
        {
            lockouts.Add(await FailAsync());
            _time.Advance(await LockedForAsync() ?? TimeSpan.Zero);
        }

        Assert.Equal(
            new TimeSpan?[] { null, null, S(30), S(60), S(120), S(240), S(480), S(900), S(900), S(900) },
            lockouts);
    }

    [Fact]
    public async Task Below_the_accounts_ceiling_attempts_do_not_wait()
    {
        for (var i = 0; i < 9; i++)
        {
            await FailAsync($"session:{i}");
        }

        Assert.Equal(TimeSpan.Zero, await _lockout.BeginAttemptAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task Past_the_ceiling_attempts_on_the_account_take_turns_spaced_2_seconds_doubling_to_30()
    {
        for (var i = 0; i < 10; i++)
        {
            await FailAsync($"session:{i}");
        }

        // Four attempts at once: the first goes now, the others wait for turns spaced 4, 8 and 16 seconds apart.
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            delays.Add(await _lockout.BeginAttemptAsync(Account, CancellationToken.None));
        }

        Assert.Equal([TimeSpan.Zero, S(4), S(12), S(28)], delays);
        Assert.Equal(S(30), new LockoutPolicy(new LockoutLimit()).AccountSpacingAfter(14));
        Assert.Equal(S(30), new LockoutPolicy(new LockoutLimit()).AccountSpacingAfter(int.MaxValue));
    }

    [Fact]
    public async Task A_burst_of_100_simultaneous_attempts_on_one_account_is_spread_out_and_capped()
    {
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 100; i++)
        {
            delays.Add(await _lockout.BeginAttemptAsync(Account, CancellationToken.None));
        }

        // 11 at once (the ceiling, then the first spaced turn), then turns at 4, 12, 28 and 58 s and every 30 s after: 33 within ten minutes.
        Assert.Equal(11, delays.Count(d => d == TimeSpan.Zero));
        Assert.Equal(33, delays.Count(d => d <= TimeSpan.FromMinutes(10)));
        Assert.True(delays.Max() > TimeSpan.FromMinutes(40));
    }

    [Fact]
    public async Task Attempts_that_end_without_a_refused_sign_in_are_not_counted_against_the_account()
    {
        for (var i = 0; i < 20; i++)
        {
            await _lockout.BeginAttemptAsync(Account, CancellationToken.None);
            await _lockout.EndAttemptAsync(Account, $"session:{i}", i % 2 == 0 ? VerificationOutcome.Timeout : null, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.Zero, await _lockout.BeginAttemptAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task A_success_clears_the_callers_streak_and_the_accounts()
    {
        for (var i = 0; i < 12; i++)
        {
            await FailAsync($"session:{i % 2}");
        }

        await _lockout.BeginAttemptAsync(Account, CancellationToken.None);
        await _lockout.EndAttemptAsync(Account, "session:0", VerificationOutcome.Verified, CancellationToken.None);

        Assert.Null(await _lockout.LockedForAsync(Account, "session:0", CancellationToken.None));
        Assert.NotNull(await _lockout.LockedForAsync(Account, "session:1", CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await _lockout.BeginAttemptAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task A_streak_older_than_an_hour_is_forgotten()
    {
        await FailAsync();
        await FailAsync();

        _time.Advance(TimeSpan.FromHours(1) + S(1));

        Assert.Null(await FailAsync());
    }

    [Fact]
    public async Task Accounts_are_counted_apart()
    {
        for (var i = 0; i < 12; i++)
        {
            await FailAsync();
        }

        Assert.Null(await _lockout.LockedForAsync("account-b", Caller, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await _lockout.BeginAttemptAsync("account-b", CancellationToken.None));
    }

    [Fact]
    public async Task Stale_entries_are_swept_once_many_are_remembered()
    {
        for (var i = 0; i < InMemoryLockoutStore.SweepThreshold; i++)
        {
            await _store.RecordFailureAsync($"guess-{i}", _time.GetUtcNow(), TimeSpan.FromHours(1), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromHours(2));
        await FailAsync();

        Assert.Equal(2, _store.RememberedKeys);
    }

    [Fact]
    public async Task A_huge_streak_stays_at_the_maximum_without_overflowing()
    {
        var lockout = Lockout(new LockoutLimit { FirstLockout = TimeSpan.FromDays(1), MaxLockout = TimeSpan.FromDays(2), ForgetFailuresAfter = TimeSpan.FromDays(3) });
        TimeSpan? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = await lockout.EndAttemptAsync(Account, Caller, VerificationOutcome.InvalidCredentials, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromDays(2), last);
    }

    private AccountLockout Lockout(LockoutLimit limit) =>
        new(Options.Create(new RateLimitOptions { Lockout = limit }), _store, _time);

    /// <summary>One attempt of <paramref name="caller"/> that the provider refused.</summary>
    private async Task<TimeSpan?> FailAsync(string caller = Caller)
    {
        await _lockout.BeginAttemptAsync(Account, CancellationToken.None);
        return await _lockout.EndAttemptAsync(Account, caller, VerificationOutcome.InvalidCredentials, CancellationToken.None);
    }

    private async Task<TimeSpan?> LockedForAsync() => await _lockout.LockedForAsync(Account, Caller, CancellationToken.None);

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);
}
