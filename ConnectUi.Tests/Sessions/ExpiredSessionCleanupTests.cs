using ConnectUi.BackgroundWork;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using ConnectUi.Sessions;
using ConnectUi.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Sessions;

public sealed class ExpiredSessionCleanupTests : IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SessionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Only_sessions_expired_longer_ago_than_the_retention_are_deleted()
    {
        var old = await _db.CreateSessionAsync(new NewSession("old"));
        _db.Time.Advance(TimeSpan.FromHours(12));
        var recent = await _db.CreateSessionAsync(new NewSession("recent"));
        _db.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(31));
        var active = await _db.CreateSessionAsync(new NewSession("active"));

        Assert.Equal(1, await _db.DeleteExpiredSessionsAsync());

        Assert.Equal(SessionStatus.Unknown, (await _db.FindSessionAsync(old.Token)).Status);
        Assert.Equal(SessionStatus.Expired, (await _db.FindSessionAsync(recent.Token)).Status);
        Assert.Equal(SessionStatus.Active, (await _db.FindSessionAsync(active.Token)).Status);
        Assert.Equal(0, await _db.DeleteExpiredSessionsAsync());
    }

    [Fact]
    public async Task A_session_is_kept_until_exactly_its_retention_has_passed()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1"));
        _db.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromDays(1));

        Assert.Equal(0, await _db.DeleteExpiredSessionsAsync());
        _db.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await _db.DeleteExpiredSessionsAsync());
        Assert.Equal(SessionStatus.Unknown, (await _db.FindSessionAsync(created.Token)).Status);
    }

    [Fact]
    public async Task The_background_sweep_runs_once_per_interval_and_not_at_start_up()
    {
        await _db.CreateSessionAsync(new NewSession("old"));
        _db.Time.Advance(TimeSpan.FromDays(2));
        var cleanup = _db.Services.GetServices<IHostedService>().OfType<ExpiredSessionCleanup>().Single();

        await cleanup.StartAsync(default);
        try
        {
            Assert.Single(await _db.SessionRowsAsync());

            _db.Time.Advance(_db.Services.GetRequiredService<IOptions<SessionOptions>>().Value.CleanupInterval);
            await WaitForSessionCountAsync(0);
        }
        finally
        {
            await cleanup.StopAsync(default);
        }
    }

    [Fact]
    public async Task A_failed_sweep_is_logged_as_a_warning_and_does_not_throw()
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging())
            .AddScoped<ISessionService, FailingSessionService>()
            .BuildServiceProvider();
        var cleanup = new ExpiredSessionCleanup(
            services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SessionOptions()),
            Runner("this-instance"),
            _db.Time,
            services.GetRequiredService<ILogger<ExpiredSessionCleanup>>());

        await cleanup.RunOnceAsync(default);

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.IsType<InvalidOperationException>(record.Exception);
    }

    [Fact]
    public async Task Of_two_instances_sharing_the_database_only_the_lease_holder_sweeps()
    {
        await _db.CreateSessionAsync(new NewSession("old"));
        _db.Time.Advance(TimeSpan.FromDays(2));
        var first = Cleanup("first");
        var second = Cleanup("second");
        var firstLease = Lease("first");

        // The first instance is mid-sweep: it holds the lease.
        Assert.True(await firstLease.TryAcquireAsync(first.LeaseName, TimeSpan.FromMinutes(1), default));
        Assert.False(await second.RunOnceAsync(default));
        Assert.Single(await _db.SessionRowsAsync());

        await firstLease.ReleaseAsync(first.LeaseName, default);
        Assert.True(await second.RunOnceAsync(default));
        Assert.Empty(await _db.SessionRowsAsync());
    }

    private DatabaseLease Lease(string holderId) =>
        new(_db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(), _db.Time, holderId);

    private LeasedJobRunner Runner(string holderId) =>
        new(Lease(holderId), _db.Time, _db.Services.GetRequiredService<ILogger<LeasedJobRunner>>());

    private ExpiredSessionCleanup Cleanup(string holderId) => new(
        _db.Services.GetRequiredService<IServiceScopeFactory>(),
        _db.Services.GetRequiredService<IOptions<SessionOptions>>(),
        Runner(holderId),
        _db.Time,
        _db.Services.GetRequiredService<ILogger<ExpiredSessionCleanup>>());

    /// <summary>The sweep runs on the timer's thread after the fake clock ticks; wait for its effect, with a generous bound.</summary>
    private async Task WaitForSessionCountAsync(int expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await _db.SessionRowsAsync()).Count != expected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private sealed class FailingSessionService : ISessionService
    {
        public Task<CreatedSession> CreateAsync(NewSession request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SessionLookup> FindAsync(string? token, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SessionLookup> FindByIdAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("database is locked");
    }
}
