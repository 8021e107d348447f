using ConnectUi.Abuse;
using ConnectUi.E2E.Support;
using ConnectUi.Providers;
using ConnectUi.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ConnectUi.E2E.Cluster;

/// <summary>
/// The lock-out counts in the cluster's Redis, seen from two instances (two connections, as two app processes have):
/// failures recorded at the same moment on both all count, turns are spaced across both, and a lock-out started through
/// one holds on the other. Each test uses a key prefix of its own, so they share the cluster's Redis without meeting.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisLockoutStoreTests(ConnectUiAppFixture app) : IDisposable
{
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N") + ":";
    private readonly List<RedisConnection> _connections = [];

    private LocalCluster Cluster => app.Cluster
        ?? throw new InvalidOperationException($"These tests need the cluster: run them with {LocalCluster.ClusterVariable}=1 (scripts/test.sh does).");

    [Fact]
    public async Task Failures_recorded_at_the_same_moment_on_two_instances_all_count()
    {
        var (first, second) = (Store(), Store());
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? first : second).RecordFailureAsync("account:a", now, TimeSpan.FromHours(1), CancellationToken.None).AsTask()));

        Assert.Equal(40, (await second.GetAsync("account:a", CancellationToken.None))?.Failures);
        await first.ForgiveFailureAsync("account:a", CancellationToken.None);
        Assert.Equal(39, (await second.GetAsync("account:a", CancellationToken.None))?.Failures);
        await second.ClearAsync("account:a", CancellationToken.None);
        Assert.Null(await first.GetAsync("account:a", CancellationToken.None));
    }

    [Fact]
    public async Task A_streak_older_than_its_forget_time_starts_again_from_one()
    {
        var store = Store();
        var start = DateTimeOffset.UtcNow;

        await store.RecordFailureAsync("account:b", start, TimeSpan.FromMinutes(10), CancellationToken.None);
        var again = await store.RecordFailureAsync("account:b", start.AddMinutes(11), TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(1, again.Failures);
    }

    [Fact]
    public async Task Turns_asked_for_at_once_on_two_instances_are_each_spaced_from_the_one_before()
    {
        var (first, second) = (Store(), Store());
        var now = DateTimeOffset.UtcNow;
        var spacing = TimeSpan.FromSeconds(2);

        var turns = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? first : second).ReserveTurnAsync("account:c", now, spacing, CancellationToken.None).AsTask()));

        var ordered = turns.Order().ToArray();
        Assert.Equal(now.ToUnixTimeMilliseconds(), ordered[0].ToUnixTimeMilliseconds());
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(spacing, pair.Second - pair.First));
    }

    [Fact]
    public async Task A_caller_locked_out_through_one_instance_is_locked_out_on_the_other_until_a_sign_in_succeeds()
    {
        var options = Options.Create(new RateLimitOptions());
        var (first, second) = (new AccountLockout(options, Store(), TimeProvider.System), new AccountLockout(options, Store(), TimeProvider.System));

        TimeSpan? started = null;
        for (var i = 0; i < options.Value.Lockout.FailuresBeforeLockout; i++)
        {
            await first.BeginAttemptAsync("account-d", CancellationToken.None);
            started = await first.EndAttemptAsync("account-d", "caller-1", VerificationOutcome.InvalidCredentials, CancellationToken.None);
        }

        Assert.Equal(options.Value.Lockout.FirstLockout, started);
        Assert.NotNull(await second.LockedForAsync("account-d", "caller-1", CancellationToken.None));
        Assert.Null(await second.LockedForAsync("account-d", "caller-2", CancellationToken.None));

        await second.BeginAttemptAsync("account-d", CancellationToken.None);
        await second.EndAttemptAsync("account-d", "caller-1", VerificationOutcome.Verified, CancellationToken.None);
        Assert.Null(await first.LockedForAsync("account-d", "caller-1", CancellationToken.None));
    }

    /// <summary>A store on a connection of its own, as each app instance has.</summary>
    private RedisLockoutStore Store()
    {
        var connection = new RedisConnection(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + RedisConnection.ConnectionStringName] = Cluster.RedisConnectionString,
            [RedisConnection.KeyPrefixKey] = _prefix,
        }).Build());
        _connections.Add(connection);
        return new RedisLockoutStore(connection);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
