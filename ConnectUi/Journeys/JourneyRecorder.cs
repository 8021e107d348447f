using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using ConnectUi.Storage;
using ConnectUi.Providers;

namespace ConnectUi.Journeys;

/// <summary>Stores each event with the visit's new summary in one transaction, then tells the live feed.</summary>
public sealed class JourneyRecorder(IDbContextFactory<ConnectUiDbContext> databases, IJourneyFeed feed, TimeProvider time) : IJourneyRecorder
{
    public const int MaxTextLength = 2000;
    public const int MaxShortTextLength = 200;

    /// <summary>Codes are re-drawn when one is still valid for another visit; 21^6 codes make a second draw rare.</summary>
    private const int CodeAttempts = 10;

    public async Task<VisitSummary> StartVisitAsync(VisitStart start, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var visit = new VisitRecord
        {
            Id = Guid.NewGuid(),
            SupportCode = await UnusedCodeAsync(db, now, cancellationToken),
            ProviderId = Short(start.ProviderId)!,
            EndUserId = Short(start.EndUserId),
            SessionId = start.SessionId,
            HostName = Short(start.HostName),
            BrowserLanguage = Short(start.BrowserLanguage),
            Viewport = start.Viewport,
            StartedAt = now,
            LastActivityAt = now,
            CurrentStep = Short(start.Step),
            State = VisitState.Active,
        };
        db.Visits.Add(visit);
        var opened = new JourneyEventRecord
        {
            VisitId = visit.Id,
            At = now,
            Kind = JourneyEventKind.PageOpened,
            Step = visit.CurrentStep,
            Detail = Short(string.Join(", ", new[] { start.BrowserLanguage, start.Viewport?.ToString() }.Where(p => p is not null))),
        };
        db.JourneyEvents.Add(opened);
        await db.SaveChangesAsync(cancellationToken);

        var summary = VisitSummary.From(visit);
        await feed.PublishAsync(new JourneyUpdate(summary, JourneyEvent.From(opened)), cancellationToken);
        return summary;
    }

    public async Task RecordAsync(Guid visitId, JourneyEventData data, CancellationToken cancellationToken)
    {
        // Later, not inside the event that reported it: Microsoft.Data.Sqlite completes its "async" calls synchronously, so
        // a write started at once held the person's event, and the render that answers it, until it was done (a field's
        // message took twice as long to show; docs/performance.md, ninth round). On a circuit the rest runs after the
        // render, on the circuit's own thread, so a page's writes never race each other or its connection's save.
        await Task.Yield();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null || (data.Kind == JourneyEventKind.Abandoned && visit.State != VisitState.Active))
        {
            // Retention removed it, or the visit already ended: leaving a connected page is not abandoning it.
            return;
        }

        var now = time.GetUtcNow();
        var record = new JourneyEventRecord
        {
            VisitId = visitId,
            At = now,
            Kind = data.Kind,
            Field = Short(data.Field),
            Rule = Short(data.Rule),
            Message = Long(data.Message),
            Step = Short(data.Step),
            Outcome = data.Outcome,
            OutcomeCode = Short(data.OutcomeCode),
            TechnicalDetails = Long(data.TechnicalDetails),
            Detail = Long(data.Detail),
        };
        db.JourneyEvents.Add(record);
        Apply(visit, record, data.ConnectionId);
        await db.SaveChangesAsync(cancellationToken);

        await feed.PublishAsync(new JourneyUpdate(VisitSummary.From(visit), JourneyEvent.From(record)), cancellationToken);
    }

    private static void Apply(VisitRecord visit, JourneyEventRecord record, Guid? connectionId)
    {
        visit.LastActivityAt = record.At;
        if (record.Step is not null)
        {
            visit.CurrentStep = record.Step;
        }

        switch (record.Kind)
        {
            case JourneyEventKind.Outcome:
                visit.LastOutcome = record.Outcome;
                if (record.Outcome is not (null or VerificationOutcome.Verified))
                {
                    visit.RefusalCount++;
                }

                break;
            case JourneyEventKind.Connected:
                visit.LastOutcome = VerificationOutcome.Verified;
                visit.State = VisitState.Connected;
                visit.EndedAt = record.At;
                visit.ConnectionId = connectionId;
                break;
            case JourneyEventKind.Abandoned:
                visit.State = VisitState.Abandoned;
                visit.EndedAt = record.At;
                break;
        }
    }

    private static async Task<string> UnusedCodeAsync(ConnectUiDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validSince = now - VisitDirectory.CodeValidityAfterEnd;
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = SupportCode.New();
            var taken = await db.Visits.AnyAsync(
                v => v.SupportCode == code && (v.State == VisitState.Active || v.EndedAt >= validSince), cancellationToken);
            if (!taken)
            {
                return code;
            }
        }

        throw new InvalidOperationException("No unused support code was found.");
    }

    private static string? Short(string? text) => Truncate(text, MaxShortTextLength);

    private static string? Long(string? text) => Truncate(text, MaxTextLength);

    private static string? Truncate(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..(max - 1)] + "…";
}
