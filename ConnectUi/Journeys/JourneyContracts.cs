using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Journeys;

/// <summary>A visit as the console lists it.</summary>
public sealed record VisitSummary(
    Guid Id,
    string SupportCode,
    string ProviderId,
    string? EndUserId,
    string? HostName,
    string? BrowserLanguage,
    ViewportClass? Viewport,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    string? CurrentStep,
    VerificationOutcome? LastOutcome,
    int RefusalCount,
    VisitState State,
    DateTimeOffset? EndedAt,
    Guid? ConnectionId)
{
    /// <summary>No event for this long while the visit is active counts as stuck.</summary>
    public static readonly TimeSpan NoProgressLimit = TimeSpan.FromMinutes(5);

    public const int RefusalsBeforeStuck = 2;

    public string DisplayCode => Journeys.SupportCode.Format(SupportCode);

    /// <summary>Stuck: an active visit with two or more refusals, or without any progress for five minutes.</summary>
    public bool IsStuck(DateTimeOffset now) =>
        State == VisitState.Active && (RefusalCount >= RefusalsBeforeStuck || now - LastActivityAt >= NoProgressLimit);

    internal static VisitSummary From(VisitRecord r) => new(
        r.Id, r.SupportCode, r.ProviderId, r.EndUserId, r.HostName, r.BrowserLanguage, r.Viewport, r.StartedAt, r.LastActivityAt,
        r.CurrentStep, r.LastOutcome, r.RefusalCount, r.State, r.EndedAt, r.ConnectionId);
}

/// <summary>One event of a visit's timeline.</summary>
public sealed record JourneyEvent(
    long Id,
    Guid VisitId,
    DateTimeOffset At,
    JourneyEventKind Kind,
    string? Field = null,
    string? Rule = null,
    string? Message = null,
    string? Step = null,
    VerificationOutcome? Outcome = null,
    string? TechnicalDetails = null,
    string? Detail = null,
    string? OutcomeCode = null)
{
    /// <summary>The outcome as its provider reports it (category and the provider's own code), for staff guidance.</summary>
    public ProviderOutcome? ProviderOutcome => Outcome is { } category ? new(category, OutcomeCode) : null;

    internal static JourneyEvent From(JourneyEventRecord r) =>
        new(r.Id, r.VisitId, r.At, r.Kind, r.Field, r.Rule, r.Message, r.Step, r.Outcome, r.TechnicalDetails, r.Detail, r.OutcomeCode);
}

/// <summary>What the connect page reports; the recorder adds the visit, the id and the time.</summary>
public sealed record JourneyEventData(JourneyEventKind Kind)
{
    public string? Field { get; init; }
    public string? Rule { get; init; }
    public string? Message { get; init; }
    public string? Step { get; init; }
    public VerificationOutcome? Outcome { get; init; }
    public string? OutcomeCode { get; init; }
    public string? TechnicalDetails { get; init; }
    public string? Detail { get; init; }
    public Guid? ConnectionId { get; init; }
}

/// <summary>Who opened a provider page, as far as the page knows.</summary>
public sealed record VisitStart(
    string ProviderId,
    string? EndUserId,
    Guid? SessionId,
    string? HostName,
    string? BrowserLanguage,
    ViewportClass? Viewport,
    string? Step = null);

/// <summary>A visit after one of its events: what the live console needs to update a row and a timeline.</summary>
public sealed record JourneyUpdate(VisitSummary Visit, JourneyEvent Event);

/// <summary>
/// Live journey updates. The in-process feed reaches consoles of this instance only; a cross-instance feed (Redis)
/// replaces it when several instances share the database. Updates are plain records, so they serialize as JSON.
/// </summary>
public interface IJourneyFeed
{
    Task PublishAsync(JourneyUpdate update, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onUpdate"/> for every update until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<JourneyUpdate, Task> onUpdate);
}

/// <summary>Writes visits and their events (database first, then the live feed).</summary>
public interface IJourneyRecorder
{
    Task<VisitSummary> StartVisitAsync(VisitStart start, CancellationToken cancellationToken);

    Task RecordAsync(Guid visitId, JourneyEventData data, CancellationToken cancellationToken);
}

/// <summary>What the console filters the visit list by.</summary>
public sealed record VisitFilter(string? ProviderId = null, VerificationOutcome? Outcome = null, string? EndUser = null, bool StuckOnly = false);

/// <summary>Reads visits for the console.</summary>
public interface IVisitDirectory
{
    /// <summary>Visits with activity in the last 24 hours, the most recent first.</summary>
    Task<IReadOnlyList<VisitSummary>> ListRecentAsync(VisitFilter filter, CancellationToken cancellationToken);

    /// <summary>The visit a support code names, while active or for 24 hours after it ended; null otherwise.</summary>
    Task<VisitSummary?> FindByCodeAsync(string? typedCode, CancellationToken cancellationToken);

    Task<VisitSummary?> FindAsync(Guid visitId, CancellationToken cancellationToken);

    /// <summary>The visit's events, oldest first.</summary>
    Task<IReadOnlyList<JourneyEvent>> TimelineAsync(Guid visitId, CancellationToken cancellationToken);

    /// <summary>The end user's visits of the last <see cref="JourneyRetentionOptions.Retention"/>, the most recent first.</summary>
    Task<IReadOnlyList<VisitSummary>> ListForEndUserAsync(string endUserId, CancellationToken cancellationToken);
}
