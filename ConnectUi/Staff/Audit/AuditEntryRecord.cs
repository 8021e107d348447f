namespace ConnectUi.Staff.Audit;

/// <summary>One thing a staff member did (or tried), kept for admins. Never holds a password or a secret.</summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The staff member's email, or the email typed on a failed sign-in.</summary>
    public required string Actor { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What the action concerned: a visit's support code, an end user, a connection id.</summary>
    public string? Subject { get; set; }

    public string? Detail { get; set; }
}

public enum AuditAction
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    VisitViewed,
    GuidedLinkCreated,
    ConnectionRetested,
    WebhookReplayed,
    HostApiKeyCreated,
    HostApiKeyRevoked,
    UnownedConnectionsAssigned,
}
