using ConnectUi.BackgroundWork;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Reverification;
using ConnectUi.Tests.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ConnectUi.Tests.Connections.TestCredentials;
using ConnectUi.Providers;
using ConnectUi.Storage;

namespace ConnectUi.Tests.Reverification;

public sealed class ConnectionReverificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    /// <summary>Past the 24 h interval and its 10 % jitter: every connection is due.</summary>
    private static readonly TimeSpan PastTheInterval = TimeSpan.FromHours(27);

    private ConnectionsTestDatabase _db = null!;
    private readonly GatedVerifier _konnektive = new(KonnektiveProvider.Id);
    private readonly GatedVerifier _connectWise = new(ConnectWisePsaProvider.Id);

    public async Task InitializeAsync() => _db = await CreateDatabaseAsync(_konnektive, _connectWise);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>The real connections and re-verification registrations over the test's database, with gated verifiers.</summary>
    public static Task<ConnectionsTestDatabase> CreateDatabaseAsync(
        GatedVerifier konnektive, GatedVerifier connectWise, IReadOnlyDictionary<string, string?>? settings = null) =>
        ConnectionsTestDatabase.CreateAsync(services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
            services.Configure<VerificationOptions>(configuration.GetSection(VerificationOptions.Section));
            services.AddOptions<ConnectionEventOptions>().Configure(o => o.Enabled = true);
            services.RemoveAll<IProviderVerifier>();
            services.AddSingleton<IProviderVerifier>(konnektive);
            services.AddSingleton<IProviderVerifier>(connectWise);
            services.AddSingleton(KonnektiveProvider.Definition);
            services.AddSingleton(ConnectWisePsaProvider.Definition);
            services.AddReverification();
        });

    private ConnectionReverification Job => _db.Services.GetRequiredService<ConnectionReverification>();

    private async Task<Guid> ConnectKonnektiveAsync(string endUserId = "user-1") =>
        (await _db.ConnectAsync(Konnektive(endUserId: endUserId))).ConnectionId!.Value;

    private async Task<ConnectionRecord> RowAsync(Guid id) => (await _db.ConnectionRowsAsync()).Single(c => c.Id == id);

    private async Task<List<string>> EventTypesAsync(Guid id)
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        var events = await context.ConnectionEvents.AsNoTracking().Where(e => e.ConnectionId == id).ToListAsync();
        return events.OrderBy(e => e.Sequence).Select(e => e.Type).ToList();
    }

    [Fact]
    public async Task Two_refusals_in_a_row_make_a_healthy_connection_need_relinking_and_its_credentials_stay_as_they_were()
    {
        var id = await ConnectKonnektiveAsync();
        var credentials = await _db.Store.GetCredentialsAsync(id, default);
        _konnektive.Result = new VerificationResult(VerificationOutcome.InvalidCredentials, new ConnectProblem("refused", [], null));

        _db.Time.Advance(PastTheInterval);
        Assert.Equal(1, await Job.RunOnceAsync(default));
        Assert.Equal(ConnectionStatus.Healthy, (await RowAsync(id)).Status);
        Assert.Equal(1, (await RowAsync(id)).ConsecutiveRefusals);

        // After one refusal the next check comes an hour later, not a day: a second refusal confirms it soon.
        _db.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await Job.RunOnceAsync(default));
        _db.Time.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(1, await Job.RunOnceAsync(default));

        var row = await RowAsync(id);
        Assert.Equal(ConnectionStatus.NeedsRelink, row.Status);
        Assert.Equal(nameof(VerificationOutcome.InvalidCredentials), row.LastOutcome);
        Assert.Equal(credentials, await _db.Store.GetCredentialsAsync(id, default));
        Assert.Equal([ConnectionEventTypes.Created, ConnectionEventTypes.NeedsRelink], await EventTypesAsync(id));

        var history = await _db.Store.HistoryAsync(id, 10, default);
        Assert.Equal(
            [(VerificationTrigger.Scheduled, ConnectionStatus.NeedsRelink), (VerificationTrigger.Scheduled, ConnectionStatus.Healthy), (VerificationTrigger.Connect, ConnectionStatus.Healthy)],
            history!.Select(h => (h.Trigger!.Value, h.StatusAfter!.Value)));
    }

    [Theory]
    [InlineData(VerificationOutcome.Timeout)]
    [InlineData(VerificationOutcome.Unreachable)]
    [InlineData(VerificationOutcome.ProviderError)]
    public async Task Timeouts_and_network_faults_make_a_connection_unreachable_never_needing_relink(VerificationOutcome fault)
    {
        var id = await ConnectKonnektiveAsync();
        _konnektive.Result = new VerificationResult(fault, new ConnectProblem("no answer", [], null));

        _db.Time.Advance(PastTheInterval);
        for (var check = 0; check < 4; check++)
        {
            Assert.Equal(1, await Job.RunOnceAsync(default));
            _db.Time.Advance(TimeSpan.FromHours(1.2));
        }

        var row = await RowAsync(id);
        Assert.Equal(ConnectionStatus.Unreachable, row.Status);
        Assert.Equal(0, row.ConsecutiveRefusals);
        Assert.Equal([ConnectionEventTypes.Created], await EventTypesAsync(id));

        _konnektive.Result = new VerificationResult(VerificationOutcome.Verified);
        Assert.Equal(1, await Job.RunOnceAsync(default));
        Assert.Equal(ConnectionStatus.Healthy, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_timeout_between_two_refusals_neither_counts_nor_breaks_the_run()
    {
        var id = await ConnectKonnektiveAsync();
        _db.Time.Advance(PastTheInterval);

        foreach (var outcome in new[] { VerificationOutcome.IpNotAllowed, VerificationOutcome.Timeout, VerificationOutcome.IpNotAllowed })
        {
            _konnektive.Result = new VerificationResult(outcome, new ConnectProblem("x", [], null));
            Assert.Equal(1, await Job.RunOnceAsync(default));
            _db.Time.Advance(TimeSpan.FromHours(1.2));
        }

        Assert.Equal(ConnectionStatus.NeedsRelink, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_reconnect_the_provider_accepts_makes_a_connection_that_needs_relinking_healthy_again()
    {
        var id = await ConnectKonnektiveAsync();
        _konnektive.Result = new VerificationResult(VerificationOutcome.PermissionDenied, new ConnectProblem("denied", [], null));
        _db.Time.Advance(PastTheInterval);
        await Job.RunOnceAsync(default);
        _db.Time.Advance(TimeSpan.FromHours(1.2));
        await Job.RunOnceAsync(default);
        Assert.Equal(ConnectionStatus.NeedsRelink, (await RowAsync(id)).Status);

        // A refused reconnect leaves it as it was.
        Assert.False((await _db.ConnectAsync(Konnektive(password: "still-wrong-password", reconnect: id))).Succeeded);
        Assert.Equal(ConnectionStatus.NeedsRelink, (await RowAsync(id)).Status);

        _konnektive.Result = new VerificationResult(VerificationOutcome.Verified);
        Assert.True((await _db.ConnectAsync(Konnektive(password: "the-new-password", reconnect: id))).Succeeded);

        var row = await RowAsync(id);
        Assert.Equal(ConnectionStatus.Healthy, row.Status);
        Assert.Equal(0, row.ConsecutiveRefusals);
        Assert.Equal(_db.Time.GetUtcNow(), row.StatusChangedAt);
        Assert.Equal(
            [ConnectionEventTypes.Created, ConnectionEventTypes.NeedsRelink, ConnectionEventTypes.Updated, ConnectionEventTypes.Healthy],
            await EventTypesAsync(id));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_calls_go_to_one_provider_at_once()
    {
        for (var i = 0; i < 6; i++)
        {
            await ConnectKonnektiveAsync($"k-{i}");
            await _db.ConnectAsync(ConnectWise(endUserId: $"c-{i}"));
        }

        var cap = _db.Services.GetRequiredService<IOptions<VerificationOptions>>().Value.ConcurrencyPerProvider;
        Assert.Equal(2, cap);
        _konnektive.Gated = _connectWise.Gated = true;
        _db.Time.Advance(PastTheInterval);

        var round = Job.RunOnceAsync(default);
        for (var released = 0; released < 6; released++)
        {
            // Both providers reach the cap at the same time, and neither passes it, whichever call finishes next.
            await WaitUntilAsync(() => _konnektive.InFlight == cap && _connectWise.InFlight == cap || round.IsCompleted);
            _konnektive.Release();
            _connectWise.Release();
        }

        Assert.Equal(12, await round.WaitAsync(Generous));
        Assert.Equal(cap, _konnektive.MaxInFlight);
        Assert.Equal(cap, _connectWise.MaxInFlight);
    }

    [Fact]
    public async Task A_provider_that_answers_too_many_requests_is_left_alone_for_a_while_and_others_are_not()
    {
        for (var i = 0; i < 4; i++)
        {
            await ConnectKonnektiveAsync($"k-{i}");
            await _db.ConnectAsync(ConnectWise(endUserId: $"c-{i}"));
        }

        var konnektiveCallsBefore = _konnektive.Calls;
        _konnektive.Result = new VerificationResult(VerificationOutcome.RateLimited, new ConnectProblem("slow down", [], null));
        _db.Services.GetRequiredService<IOptions<VerificationOptions>>().Value.ConcurrencyPerProvider = 1;
        _db.Time.Advance(PastTheInterval);

        await Job.RunOnceAsync(default);
        Assert.Equal(konnektiveCallsBefore + 1, _konnektive.Calls);
        Assert.Equal(8, _connectWise.Calls);

        // Within the one-minute pause nothing goes to Konnektive; after it, the rest are checked.
        _db.Time.Advance(TimeSpan.FromSeconds(30));
        await Job.RunOnceAsync(default);
        Assert.Equal(konnektiveCallsBefore + 1, _konnektive.Calls);

        _konnektive.Result = new VerificationResult(VerificationOutcome.Verified);
        _db.Time.Advance(TimeSpan.FromSeconds(31));
        await Job.RunOnceAsync(default);
        Assert.Equal(konnektiveCallsBefore + 4, _konnektive.Calls);
        Assert.All((await _db.ConnectionRowsAsync()).Where(c => c.ProviderId == KonnektiveProvider.Id), c => Assert.Equal(ConnectionStatus.Healthy, c.Status));
    }

    [Fact]
    public async Task Two_instances_running_at_once_check_each_connection_once()
    {
        for (var i = 0; i < 3; i++)
        {
            await ConnectKonnektiveAsync($"k-{i}");
        }

        var connectCalls = _konnektive.Calls;
        var other = new ConnectionReverification(
            _db.Services.GetRequiredService<IServiceScopeFactory>(),
            _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(),
            new LeasedJobRunner(
                new DatabaseLease(_db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>(), _db.Time, "other-instance"),
                _db.Time,
                _db.Services.GetRequiredService<ILogger<LeasedJobRunner>>()),
            _db.Services.GetRequiredService<IOptions<VerificationOptions>>(),
            _db.Time,
            _db.Services.GetRequiredService<ILogger<ConnectionReverification>>());
        _konnektive.Gated = true;
        _db.Time.Advance(PastTheInterval);

        var first = Job.RunOnceAsync(default);
        await WaitUntilAsync(() => _konnektive.InFlight > 0);
        Assert.Equal(0, await other.RunOnceAsync(default));

        _konnektive.Release(3);
        Assert.Equal(3, await first.WaitAsync(Generous));
        Assert.Equal(connectCalls + 3, _konnektive.Calls);
    }

    [Fact]
    public async Task The_background_job_checks_due_connections_when_the_clock_reaches_its_poll_interval()
    {
        var id = await ConnectKonnektiveAsync();
        var next = (await RowAsync(id)).NextVerificationAtUnixMs;
        var interval = TimeSpan.FromHours(24);
        Assert.InRange(
            DateTimeOffset.FromUnixTimeMilliseconds(next) - _db.Time.GetUtcNow(),
            interval * 0.9 - TimeSpan.FromMilliseconds(1),
            interval * 1.1 + TimeSpan.FromMilliseconds(1));

        var job = _db.Services.GetServices<IHostedService>().OfType<ConnectionReverification>().Single();
        await job.StartAsync(default);
        try
        {
            _db.Time.Advance(PastTheInterval);
            await WaitUntilAsync(() => _konnektive.Calls == 2);
            await WaitUntilAsync(() => RowAsync(id).Result.NextVerificationAtUnixMs > next);
        }
        finally
        {
            await job.StopAsync(default);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Generous);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
        }
    }
}
