using ConnectUi.BackgroundWork;
using ConnectUi.Connections.Storage;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.BackgroundWork;

public sealed class DatabaseLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ConnectionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private DatabaseLease Holder(string id) =>
        new(_db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(), _db.Time, id);

    [Fact]
    public async Task Of_many_holders_racing_for_a_free_lease_exactly_one_gets_it()
    {
        var holders = Enumerable.Range(0, 12).Select(i => Holder($"holder-{i}")).ToArray();

        foreach (var job in Enumerable.Range(0, 10).Select(i => $"job-{i}"))
        {
            var answers = await Task.WhenAll(holders.Select(h => Task.Run(() => h.TryAcquireAsync(job, Duration, default))));

            var winner = Assert.Single(holders.Where((_, i) => answers[i]));
            Assert.Equal(winner.HolderId, (await RowAsync(job))?.HolderId);
        }
    }

    [Fact]
    public async Task Holders_that_keep_competing_are_never_inside_at_the_same_time()
    {
        var inside = 0;
        var maxInside = 0;
        var turns = 0;
        var holders = Enumerable.Range(0, 6).Select(i => Holder($"holder-{i}")).ToArray();

        await Task.WhenAll(holders.Select(holder => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 40; attempt++)
            {
                if (!await holder.TryAcquireAsync("contended", Duration, default))
                {
                    continue;
                }

                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                Interlocked.Increment(ref turns);
                await Task.Yield();
                Assert.True(await holder.RenewAsync("contended", Duration, default));
                Interlocked.Decrement(ref inside);
                await holder.ReleaseAsync("contended", default);
            }
        })));

        Assert.Equal(1, maxInside);
        Assert.True(turns >= holders.Length, $"only {turns} turns were taken in {holders.Length * 40} attempts");
    }

    [Fact]
    public async Task A_lease_that_ran_out_is_taken_over_and_its_old_holder_can_no_longer_renew_it()
    {
        var first = Holder("first");
        var second = Holder("second");
        Assert.True(await first.TryAcquireAsync("job", Duration, default));

        _db.Time.Advance(Duration - TimeSpan.FromMilliseconds(1));
        Assert.False(await second.TryAcquireAsync("job", Duration, default));

        _db.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await second.TryAcquireAsync("job", Duration, default));
        Assert.False(await first.RenewAsync("job", Duration, default));
        Assert.False(await first.TryAcquireAsync("job", Duration, default));
        Assert.Equal("second", (await RowAsync("job"))?.HolderId);
    }

    [Fact]
    public async Task Renewing_and_acquiring_again_extend_the_holders_own_lease()
    {
        var holder = Holder("holder");
        var other = Holder("other");
        Assert.True(await holder.TryAcquireAsync("job", Duration, default));

        _db.Time.Advance(Duration / 2);
        Assert.True(await holder.RenewAsync("job", Duration, default));
        _db.Time.Advance(Duration / 2 + Duration / 4);
        Assert.False(await other.TryAcquireAsync("job", Duration, default));
        Assert.True(await holder.TryAcquireAsync("job", Duration, default));
        Assert.Equal((_db.Time.GetUtcNow() + Duration).ToUnixTimeMilliseconds(), (await RowAsync("job"))?.ExpiresAtUnixMs);
    }

    [Fact]
    public async Task Releasing_frees_the_lease_at_once_but_only_the_holder_can_release_it()
    {
        var holder = Holder("holder");
        var other = Holder("other");
        Assert.True(await holder.TryAcquireAsync("job", Duration, default));

        await other.ReleaseAsync("job", default);
        Assert.Equal("holder", (await RowAsync("job"))?.HolderId);

        await holder.ReleaseAsync("job", default);
        Assert.Null(await RowAsync("job"));
        Assert.False(await holder.RenewAsync("job", Duration, default));
        Assert.True(await other.TryAcquireAsync("job", Duration, default));
    }

    [Fact]
    public async Task Leases_of_different_jobs_are_independent()
    {
        Assert.True(await Holder("a").TryAcquireAsync("sweep", Duration, default));
        Assert.True(await Holder("b").TryAcquireAsync("reverify", Duration, default));
        Assert.False(await Holder("b").TryAcquireAsync("sweep", Duration, default));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_the_database_is_touched()
    {
        var holder = Holder("holder");

        await Assert.ThrowsAsync<ArgumentException>(() => holder.TryAcquireAsync(" ", Duration, default));
        await Assert.ThrowsAsync<ArgumentException>(() => holder.TryAcquireAsync(new string('j', 201), Duration, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => holder.TryAcquireAsync("job", TimeSpan.Zero, default));
        Assert.Throws<ArgumentException>(() => Holder(""));
    }

    [Fact]
    public async Task Every_sequence_of_operations_answers_as_the_lease_model_says_and_never_lets_two_believe_they_hold_it()
    {
        // Three holders acquire, renew and release in any order while the clock moves; the database must answer exactly as a
        // single-owner lease would, and no two holders may ever both hold an unexpired lease they were granted.
        var operation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 90]);
        await operation.List[1, 24].SampleDeterministicallyAsync(
            async operations =>
            {
                var job = $"model-{Guid.NewGuid():N}";
                var holders = Enumerable.Range(0, 3).Select(i => Holder($"h{i}")).ToArray();
                var grantedUntil = new DateTimeOffset?[3];
                (int Holder, DateTimeOffset Expires)? row = null;

                foreach (var (who, kind, secondsLater) in operations)
                {
                    _db.Time.Advance(TimeSpan.FromSeconds(secondsLater));
                    var now = _db.Time.GetUtcNow();
                    switch (kind)
                    {
                        case 0:
                            var free = row is null || row.Value.Holder == who || row.Value.Expires <= now;
                            Assert.Equal(free, await holders[who].TryAcquireAsync(job, Duration, default));

                            if (free)
                            {
                                row = (who, now + Duration);
                                grantedUntil[who] = now + Duration;
                            }

                            break;
                        case 1:
                            var mine = row?.Holder == who;
                            Assert.Equal(mine, await holders[who].RenewAsync(job, Duration, default));

                            grantedUntil[who] = mine ? now + Duration : null;
                            row = mine ? (who, now + Duration) : row;
                            break;
                        default:
                            await holders[who].ReleaseAsync(job, default);
                            row = row?.Holder == who ? null : row;
                            grantedUntil[who] = null;
                            break;
                    }

                    Assert.True(grantedUntil.Count(until => until > now) <= 1, "two holders hold the lease at once");
                }
            },
            count: 40);
    }

    private async Task<BackgroundLeaseRecord?> RowAsync(string job)
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await context.BackgroundLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == job);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
