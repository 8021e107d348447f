namespace ConnectUi.BackgroundWork;

/// <summary>Who holds the lease of one background job, and until when. One row per job name; no row means nobody holds it.</summary>
public sealed class BackgroundLeaseRecord
{
    /// <summary>The job's name, for example <c>connection-reverification</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The instance holding the lease; see <see cref="DatabaseLease.HolderId"/>.</summary>
    public required string HolderId { get; set; }

    /// <summary>
    /// Milliseconds since the Unix epoch, UTC. A number rather than a date so SQLite and PostgreSQL compare it the same way in SQL.
    /// </summary>
    public long ExpiresAtUnixMs { get; set; }
}
