using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.BackgroundWork;

/// <summary>
/// A lease per job name in the <c>BackgroundLeases</c> table. Each operation is one SQL statement that both SQLite and
/// PostgreSQL run atomically (an upsert whose update is conditional, or a conditional update or delete), so of two instances
/// racing, the database picks exactly one. Expiry uses this instance's clock: keep lease durations far above the clock skew
/// between instances (the jobs here use minutes).
/// </summary>
public sealed class DatabaseLease : IBackgroundLease
{
    private readonly IDbContextFactory<ConnectUiDbContext> _dbContextFactory;
    private readonly TimeProvider _timeProvider;

    public DatabaseLease(IDbContextFactory<ConnectUiDbContext> dbContextFactory, TimeProvider timeProvider)
        : this(dbContextFactory, timeProvider, NewHolderId())
    {
    }

    /// <param name="holderId">This instance's identity; two instances must never share one.</param>
    public DatabaseLease(IDbContextFactory<ConnectUiDbContext> dbContextFactory, TimeProvider timeProvider, string holderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        if (holderId.Length > MaxNameLength)
        {
            throw new ArgumentException($"A holder id is at most {MaxNameLength} characters.", nameof(holderId));
        }

        _dbContextFactory = dbContextFactory;
        _timeProvider = timeProvider;
        HolderId = holderId;
    }

    public const int MaxNameLength = 200;

    public string HolderId { get; }

    public async Task<bool> TryAcquireAsync(string jobName, TimeSpan duration, CancellationToken cancellationToken)
    {
        var (now, expires) = Window(jobName, duration);
        await using var db = await _dbContextFactory.CreateDbContextAsync(cancellationToken);
        // The update half runs only when the row is this holder's or has expired; otherwise no row changes and the answer is no.
        var changed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "BackgroundLeases" ("Name", "HolderId", "ExpiresAtUnixMs") VALUES ({jobName}, {HolderId}, {expires})
            ON CONFLICT ("Name") DO UPDATE SET "HolderId" = excluded."HolderId", "ExpiresAtUnixMs" = excluded."ExpiresAtUnixMs"
            WHERE "BackgroundLeases"."HolderId" = excluded."HolderId" OR "BackgroundLeases"."ExpiresAtUnixMs" <= {now}
            """,
            cancellationToken);
        return changed == 1;
    }

    public async Task<bool> RenewAsync(string jobName, TimeSpan duration, CancellationToken cancellationToken)
    {
        var (_, expires) = Window(jobName, duration);
        await using var db = await _dbContextFactory.CreateDbContextAsync(cancellationToken);
        // Still this holder's row means nobody else took it since (taking it rewrites the holder, releasing deletes the row).
        var changed = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "BackgroundLeases" SET "ExpiresAtUnixMs" = {expires} WHERE "Name" = {jobName} AND "HolderId" = {HolderId}
            """,
            cancellationToken);
        return changed == 1;
    }

    public async Task ReleaseAsync(string jobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        await using var db = await _dbContextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "BackgroundLeases" WHERE "Name" = {jobName} AND "HolderId" = {HolderId}""",
            cancellationToken);
    }

    private (long Now, long Expires) Window(string jobName, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        if (jobName.Length > MaxNameLength)
        {
            throw new ArgumentException($"A job name is at most {MaxNameLength} characters.", nameof(jobName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _timeProvider.GetUtcNow();
        return (now.ToUnixTimeMilliseconds(), (now + duration).ToUnixTimeMilliseconds());
    }

    /// <summary>Machine and process for whoever reads the table, plus randomness so a restarted process is a new holder.</summary>
    private static string NewHolderId()
    {
        var machine = Environment.MachineName;
        return $"{machine[..Math.Min(machine.Length, 100)]}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
    }
}
