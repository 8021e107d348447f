using ConnectUi.BackgroundWork;
using ConnectUi.Connections.Storage;
using ConnectUi.Tests.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ConnectUi.Tests.BackgroundWork;

public sealed class LeasedJobRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ConnectionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private (DatabaseLease Lease, LeasedJobRunner Runner) Instance(string holderId)
    {
        var lease = new DatabaseLease(_db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(), _db.Time, holderId);
        return (lease, new LeasedJobRunner(lease, _db.Time, _db.Services.GetRequiredService<ILogger<LeasedJobRunner>>()));
    }

    [Fact]
    public async Task While_one_instance_runs_the_job_another_does_not_and_afterwards_it_can()
    {
        var (_, first) = Instance("first");
        var (_, second) = Instance("second");
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();

        var running = first.RunAsync("job", Duration, async _ => { started.SetResult(); await release.Task; }, default);
        await started.Task.WaitAsync(Generous);

        var secondRan = false;
        Assert.False(await second.RunAsync("job", Duration, _ => { secondRan = true; return Task.CompletedTask; }, default));
        Assert.False(secondRan);

        release.SetResult();
        Assert.True(await running.WaitAsync(Generous));
        Assert.True(await second.RunAsync("job", Duration, _ => { secondRan = true; return Task.CompletedTask; }, default));
        Assert.True(secondRan);
    }

    [Fact]
    public async Task A_long_job_keeps_renewing_its_lease_so_nobody_takes_it_when_the_first_duration_has_passed()
    {
        var (_, first) = Instance("first");
        var (otherLease, _) = Instance("other");
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var running = first.RunAsync("job", Duration, async _ => { started.SetResult(); await release.Task; }, default);
        await started.Task.WaitAsync(Generous);

        for (var step = 1; step <= 6; step++)
        {
            var before = await ExpiresAtAsync("job");
            _db.Time.Advance(Duration / 3);
            await WaitUntilAsync(async () => await ExpiresAtAsync("job") > before);
            Assert.False(await otherLease.TryAcquireAsync("job", Duration, default));
        }

        release.SetResult();
        await running.WaitAsync(Generous);
        Assert.Null(await ExpiresAtAsync("job"));
    }

    [Fact]
    public async Task When_another_holder_took_the_lease_the_running_job_is_told_to_stop()
    {
        var (_, first) = Instance("first");
        var started = new TaskCompletionSource();
        var stopped = new TaskCompletionSource();
        var running = first.RunAsync(
            "job",
            Duration,
            async token =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }
                catch (OperationCanceledException)
                {
                    stopped.SetResult();
                    throw;
                }
            },
            default);
        await started.Task.WaitAsync(Generous);

        // As if the lease had expired while this instance was paused, and another instance took it.
        await _db.ExecuteAsync("UPDATE BackgroundLeases SET HolderId = 'second' WHERE Name = 'job'");
        _db.Time.Advance(Duration / 3);

        await stopped.Task.WaitAsync(Generous);
        Assert.True(await running.WaitAsync(Generous));
        Assert.Contains(_db.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("lost its lease", StringComparison.Ordinal));
        Assert.Equal("second", await HolderAsync("job"));
    }

    [Fact]
    public async Task A_job_that_fails_still_releases_its_lease()
    {
        var (_, first) = Instance("first");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            first.RunAsync("job", Duration, _ => throw new InvalidOperationException("boom"), default));

        Assert.Null(await HolderAsync("job"));
    }

    private async Task<long?> ExpiresAtAsync(string job)
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await context.BackgroundLeases.Where(l => l.Name == job).Select(l => (long?)l.ExpiresAtUnixMs).SingleOrDefaultAsync();
    }

    private async Task<string?> HolderAsync(string job)
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await context.BackgroundLeases.Where(l => l.Name == job).Select(l => l.HolderId).SingleOrDefaultAsync();
    }

    /// <summary>The renewal runs on the timer's thread after the fake clock ticks; wait for its effect, with a generous bound.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Generous);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
