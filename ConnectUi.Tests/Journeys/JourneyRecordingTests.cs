using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Journeys;
using ConnectUi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ConnectUi.Storage;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Journeys;

/// <summary>Visits and their events in a real (in-memory SQLite) database, on a fake clock.</summary>
public sealed class JourneyRecordingTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = new(TestServices.Now);
    private readonly InProcessJourneyFeed _feed = new(NullLogger<InProcessJourneyFeed>.Instance);
    private readonly List<JourneyUpdate> _published = [];
    private readonly DbContextOptions<ConnectUiDbContext> _options;
    private readonly JourneyRecorder _recorder;
    private readonly VisitDirectory _directory;

    public JourneyRecordingTests()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<ConnectUiDbContext>().UseSqlite(_connection).Options;
        using (var db = new ConnectUiDbContext(_options))
        {
            db.Database.Migrate();
        }

        var factory = new Factory(_options);
        _recorder = new JourneyRecorder(factory, _feed, _time);
        _directory = new VisitDirectory(factory, _time, Options.Create(new JourneyRetentionOptions()));
        _feed.Subscribe(update =>
        {
            _published.Add(update);
            return Task.CompletedTask;
        });
    }

    public void Dispose() => _connection.Dispose();

    private Task<VisitSummary> StartAsync(string? endUser = "user-1") =>
        _recorder.StartVisitAsync(new VisitStart("connectwise-psa", endUser, null, "Acme", "de-DE", ViewportClass.Phone, "step-1"), CancellationToken.None);

    private Task RecordAsync(Guid visit, JourneyEventData data) => _recorder.RecordAsync(visit, data, CancellationToken.None);

    [Fact]
    public async Task A_visit_gets_a_support_code_without_look_alike_characters()
    {
        var visit = await StartAsync();

        Assert.Matches("^[ACEFGHJKMNPRTWXY34679]{6}$", visit.SupportCode);
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", visit.DisplayCode);
        Assert.Equal(JourneyEventKind.PageOpened, Assert.Single(_published).Event.Kind);
        Assert.Equal("de-DE, Phone", _published[0].Event.Detail);
    }

    [Fact]
    public async Task An_event_is_written_after_the_call_that_reported_it_has_returned()
    {
        // Microsoft.Data.Sqlite answers "async" calls on the caller's thread: written at once, an event would hold the
        // person's input (and the render that answers it) until the save was done. This database opens only once the
        // call has returned to its caller.
        var visit = await StartAsync();
        var returned = new ManualResetEventSlim();
        var recorder = new JourneyRecorder(new OpensAfter(_options, returned), _feed, _time);

        var recording = recorder.RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.FieldValid) { Field = "Hostname" }, CancellationToken.None);
        returned.Set();
        await recording;

        Assert.Equal(
            [JourneyEventKind.PageOpened, JourneyEventKind.FieldValid],
            (await _directory.TimelineAsync(visit.Id, CancellationToken.None)).Select(e => e.Kind));
    }

    [Fact]
    public void The_support_code_alphabet_has_no_characters_people_confuse()
    {
        foreach (var lookAlike in "0O1IL2Z5S8BUVDQ")
        {
            Assert.DoesNotContain(lookAlike, SupportCode.Alphabet);
        }

        Assert.Equal(SupportCode.Alphabet.Length, SupportCode.Alphabet.Distinct().Count());
        Assert.Equal("ACE347", SupportCode.Normalize(" ace-347 "));
        Assert.Null(SupportCode.Normalize("ACE-3O7"));
        Assert.Null(SupportCode.Normalize("ACE-34"));
    }

    [Fact]
    public async Task Events_move_the_visit_on_and_two_refusals_make_it_stuck()
    {
        var visit = await StartAsync();
        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.FieldInvalid) { Field = "Username", Rule = "NotEmptyValidator", Message = "Enter your username." });
        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.Outcome) { Outcome = VerificationOutcome.InvalidCredentials, Step = "step-2", Message = "Refused." });
        var once = (await _directory.FindAsync(visit.Id, CancellationToken.None))!;
        Assert.Equal("step-2", once.CurrentStep);
        Assert.Equal(VerificationOutcome.InvalidCredentials, once.LastOutcome);
        Assert.False(once.IsStuck(_time.GetUtcNow()));

        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.Outcome) { Outcome = VerificationOutcome.SettingRejected, OutcomeCode = "InvalidClientId" });
        var twice = (await _directory.FindAsync(visit.Id, CancellationToken.None))!;
        Assert.Equal(2, twice.RefusalCount);
        Assert.True(twice.IsStuck(_time.GetUtcNow()));

        var timeline = await _directory.TimelineAsync(visit.Id, CancellationToken.None);
        Assert.Equal(
            [JourneyEventKind.PageOpened, JourneyEventKind.FieldInvalid, JourneyEventKind.Outcome, JourneyEventKind.Outcome],
            timeline.Select(e => e.Kind));
        Assert.Equal("Enter your username.", timeline[1].Message);
    }

    [Fact]
    public async Task Five_minutes_without_progress_make_an_active_visit_stuck_but_not_a_connected_one()
    {
        var idle = await StartAsync();
        var done = await StartAsync();
        await RecordAsync(done.Id, new JourneyEventData(JourneyEventKind.Connected) { ConnectionId = Guid.NewGuid() });

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False((await _directory.FindAsync(idle.Id, CancellationToken.None))!.IsStuck(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _directory.FindAsync(idle.Id, CancellationToken.None))!.IsStuck(_time.GetUtcNow()));
        Assert.False((await _directory.FindAsync(done.Id, CancellationToken.None))!.IsStuck(_time.GetUtcNow()));

        var stuck = await _directory.ListRecentAsync(new VisitFilter(StuckOnly: true), CancellationToken.None);
        Assert.Equal([idle.Id], stuck.Select(v => v.Id));
    }

    [Fact]
    public async Task Leaving_a_connected_page_is_not_abandoning_it()
    {
        var visit = await StartAsync();
        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.Connected) { ConnectionId = Guid.NewGuid() });
        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.Abandoned));

        var summary = (await _directory.FindAsync(visit.Id, CancellationToken.None))!;
        Assert.Equal(VisitState.Connected, summary.State);
        Assert.DoesNotContain(await _directory.TimelineAsync(visit.Id, CancellationToken.None), e => e.Kind == JourneyEventKind.Abandoned);
    }

    [Fact]
    public async Task A_support_code_finds_its_visit_while_active_and_for_24_hours_after_it_ended()
    {
        var visit = await StartAsync();
        Assert.Equal(visit.Id, (await _directory.FindByCodeAsync(visit.DisplayCode.ToLowerInvariant(), CancellationToken.None))?.Id);

        await RecordAsync(visit.Id, new JourneyEventData(JourneyEventKind.Abandoned));
        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(visit.Id, (await _directory.FindByCodeAsync(visit.SupportCode, CancellationToken.None))?.Id);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Null(await _directory.FindByCodeAsync(visit.SupportCode, CancellationToken.None));
        Assert.Null(await _directory.FindByCodeAsync("not a code", CancellationToken.None));
    }

    [Fact]
    public async Task The_list_filters_by_provider_outcome_and_end_user_and_forgets_visits_older_than_24_hours()
    {
        var old = await StartAsync("old-user");
        _time.Advance(TimeSpan.FromHours(25));
        var refused = await StartAsync("acme-17");
        await RecordAsync(refused.Id, new JourneyEventData(JourneyEventKind.Outcome) { Outcome = VerificationOutcome.IpNotAllowed });
        var other = await _recorder.StartVisitAsync(new VisitStart("konnektive", "globex-3", null, null, null, null), CancellationToken.None);

        var all = await _directory.ListRecentAsync(new VisitFilter(), CancellationToken.None);
        Assert.Equal([other.Id, refused.Id], all.Select(v => v.Id));
        Assert.DoesNotContain(all, v => v.Id == old.Id);

        Assert.Equal([other.Id], (await _directory.ListRecentAsync(new VisitFilter(ProviderId: "konnektive"), CancellationToken.None)).Select(v => v.Id));
        Assert.Equal([refused.Id], (await _directory.ListRecentAsync(new VisitFilter(Outcome: VerificationOutcome.IpNotAllowed), CancellationToken.None)).Select(v => v.Id));
        Assert.Equal([refused.Id], (await _directory.ListRecentAsync(new VisitFilter(EndUser: "acme"), CancellationToken.None)).Select(v => v.Id));
    }

    [Fact]
    public async Task Retention_deletes_visits_and_events_older_than_30_days()
    {
        var old = await StartAsync();
        await RecordAsync(old.Id, new JourneyEventData(JourneyEventKind.Submitted));
        _time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var recent = await StartAsync();

        Assert.Equal(0, await _directory.DeleteExpiredAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _directory.DeleteExpiredAsync(CancellationToken.None));

        Assert.Null(await _directory.FindAsync(old.Id, CancellationToken.None));
        Assert.Empty(await _directory.TimelineAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await _directory.FindAsync(recent.Id, CancellationToken.None));
    }

    private sealed class Factory(DbContextOptions<ConnectUiDbContext> options) : IDbContextFactory<ConnectUiDbContext>
    {
        public ConnectUiDbContext CreateDbContext() => new(options);
    }

    /// <summary>Opens a context once the caller has gone on; on the caller's own thread it would wait in vain and fail.</summary>
    private sealed class OpensAfter(DbContextOptions<ConnectUiDbContext> options, ManualResetEventSlim returned) : IDbContextFactory<ConnectUiDbContext>
    {
        public ConnectUiDbContext CreateDbContext() =>
            returned.Wait(TimeSpan.FromSeconds(5)) ? new(options) : throw new TimeoutException("The event was written on the caller's thread.");
    }
}
