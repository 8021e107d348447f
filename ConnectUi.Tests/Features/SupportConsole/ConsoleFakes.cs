using ConnectUi.Journeys;
using ConnectUi.Staff.Audit;

namespace ConnectUi.Tests.Features.SupportConsole;

/// <summary>Visits held in memory, with the directory's filter rules.</summary>
public sealed class FakeVisitDirectory(TimeProvider time) : IVisitDirectory
{
    public List<VisitSummary> Visits { get; } = [];
    public List<JourneyEvent> Events { get; } = [];

    public Task<IReadOnlyList<VisitSummary>> ListRecentAsync(VisitFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<VisitSummary> found = Visits
            .Where(v => now - v.LastActivityAt <= TimeSpan.FromHours(24))
            .Where(v => filter.ProviderId is null || v.ProviderId == filter.ProviderId)
            .Where(v => filter.Outcome is null || v.LastOutcome == filter.Outcome)
            .Where(v => filter.EndUser is null || (v.EndUserId?.Contains(filter.EndUser, StringComparison.Ordinal) ?? false))
            .Where(v => !filter.StuckOnly || v.IsStuck(now))
            .OrderByDescending(v => v.LastActivityAt)
            .ToArray();
        return Task.FromResult(found);
    }

    public Task<VisitSummary?> FindByCodeAsync(string? typedCode, CancellationToken cancellationToken) =>
        Task.FromResult(Visits.FirstOrDefault(v => v.SupportCode == SupportCode.Normalize(typedCode)));

    public Task<VisitSummary?> FindAsync(Guid visitId, CancellationToken cancellationToken) =>
        Task.FromResult(Visits.FirstOrDefault(v => v.Id == visitId));

    public Task<IReadOnlyList<JourneyEvent>> TimelineAsync(Guid visitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JourneyEvent>>(Events.Where(e => e.VisitId == visitId).OrderBy(e => e.Id).ToArray());

    public Task<IReadOnlyList<VisitSummary>> ListForEndUserAsync(string endUserId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VisitSummary>>(Visits.Where(v => v.EndUserId == endUserId).OrderByDescending(v => v.StartedAt).ToArray());
}

/// <summary>A feed a test publishes to by hand, as another instance's recorder would.</summary>
public sealed class FakeJourneyFeed : IJourneyFeed
{
    private readonly List<Func<JourneyUpdate, Task>> _subscribers = [];

    public int SubscriberCount => _subscribers.Count;

    public async Task PublishAsync(JourneyUpdate update, CancellationToken cancellationToken)
    {
        foreach (var subscriber in _subscribers.ToArray())
        {
            await subscriber(update);
        }
    }

    public IDisposable Subscribe(Func<JourneyUpdate, Task> onUpdate)
    {
        _subscribers.Add(onUpdate);
        return new Unsubscriber(() => _subscribers.Remove(onUpdate));
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

public sealed class FakeAuditLog : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task WriteAsync(string actor, AuditAction action, string? subject = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Entries.Add(new AuditEntry(DateTimeOffset.UnixEpoch, actor, action, subject, detail));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditAction? action, string? actor, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Where(e => action is null || e.Action == action).Reverse().Take(take).ToArray());
}
