using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using ConnectUi.Storage;

namespace ConnectUi.Staff.Audit;

/// <summary>An audit entry as the console shows it.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, AuditAction Action, string? Subject, string? Detail);

/// <summary>Who did what in the console, and when.</summary>
public interface IAuditLog
{
    Task WriteAsync(string actor, AuditAction action, string? subject = null, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>The newest entries first, optionally of one action or one actor.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditAction? action, string? actor, int take, CancellationToken cancellationToken);
}

public sealed class AuditLog(IDbContextFactory<ConnectUiDbContext> databases, TimeProvider time) : IAuditLog
{
    public const int MaxActorLength = 320;

    public async Task WriteAsync(string actor, AuditAction action, string? subject = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntryRecord
        {
            At = time.GetUtcNow(),
            Actor = actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor,
            Action = action,
            Subject = subject,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditAction? action, string? actor, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (action is { } wanted)
        {
            query = query.Where(e => e.Action == wanted);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(e => e.Actor.Contains(actor.Trim()));
        }

        return await query.OrderByDescending(e => e.Id).Take(take)
            .Select(e => new AuditEntry(e.At, e.Actor, e.Action, e.Subject, e.Detail))
            .ToListAsync(cancellationToken);
    }
}
