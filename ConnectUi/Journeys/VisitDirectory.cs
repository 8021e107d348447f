using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ConnectUi.Storage;

namespace ConnectUi.Journeys;

public sealed class VisitDirectory(IDbContextFactory<ConnectUiDbContext> databases, TimeProvider time, IOptions<JourneyRetentionOptions> options) : IVisitDirectory
{
    /// <summary>How far back the live list reaches.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    /// <summary>A support code keeps naming its visit this long after the visit ended.</summary>
    public static readonly TimeSpan CodeValidityAfterEnd = TimeSpan.FromHours(24);

    public const int MaxListed = 500;

    public async Task<IReadOnlyList<VisitSummary>> ListRecentAsync(VisitFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var since = now - RecentWindow;
        var query = db.Visits.AsNoTracking().Where(v => v.LastActivityAt >= since);
        if (!string.IsNullOrWhiteSpace(filter.ProviderId))
        {
            query = query.Where(v => v.ProviderId == filter.ProviderId);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(v => v.LastOutcome == outcome);
        }

        if (!string.IsNullOrWhiteSpace(filter.EndUser))
        {
            var endUser = filter.EndUser.Trim();
            query = query.Where(v => v.EndUserId != null && v.EndUserId.Contains(endUser));
        }

        var visits = (await query.OrderByDescending(v => v.LastActivityAt).Take(MaxListed).ToListAsync(cancellationToken)).Select(VisitSummary.From);
        return filter.StuckOnly ? visits.Where(v => v.IsStuck(now)).ToArray() : visits.ToArray();
    }

    public async Task<VisitSummary?> FindByCodeAsync(string? typedCode, CancellationToken cancellationToken)
    {
        if (SupportCode.Normalize(typedCode) is not { } code)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var validSince = time.GetUtcNow() - CodeValidityAfterEnd;
        var visit = await db.Visits.AsNoTracking()
            .Where(v => v.SupportCode == code && (v.State == VisitState.Active || v.EndedAt >= validSince))
            .OrderByDescending(v => v.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return visit is null ? null : VisitSummary.From(visit);
    }

    public async Task<VisitSummary?> FindAsync(Guid visitId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        return visit is null ? null : VisitSummary.From(visit);
    }

    public async Task<IReadOnlyList<JourneyEvent>> TimelineAsync(Guid visitId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = await db.JourneyEvents.AsNoTracking().Where(e => e.VisitId == visitId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return events.Select(JourneyEvent.From).ToArray();
    }

    public async Task<IReadOnlyList<VisitSummary>> ListForEndUserAsync(string endUserId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - options.Value.Retention;
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.EndUserId == endUserId && v.StartedAt >= since)
            .OrderByDescending(v => v.StartedAt).Take(MaxListed)
            .ToListAsync(cancellationToken);
        return visits.Select(VisitSummary.From).ToArray();
    }

    /// <summary>Deletes visits (with their events) that started longer ago than the retention; returns how many visits.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var expired = db.Visits.Where(v => v.LastActivityAt < cutoff).Select(v => v.Id);
        await db.JourneyEvents.Where(e => expired.Contains(e.VisitId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Visits.Where(v => v.LastActivityAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
