namespace ConnectUi.Sessions;

/// <summary>Connect sessions, bound from <c>ConnectUi:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "ConnectUi:Sessions";

    /// <summary>When true, the UI saves nothing without a valid session. Defaults to false in Development, true elsewhere.</summary>
    public bool Required { get; set; }

    /// <summary>How long a session's link stays usable after it is created.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an ended session's row is kept after it expires. Until then its link shows "expired" rather than
    /// "invalid"; after it, the row is deleted so the table holds only recent sessions.
    /// </summary>
    public TimeSpan ExpiredRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often expired sessions are looked for.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The host application as the UI names it, bound from the <c>ConnectUi</c> section.</summary>
public sealed class HostApplicationOptions
{
    public const string Section = "ConnectUi";

    /// <summary>Shown on the expired-link page: "ask {HostName} for a new one"; unset, the page uses a generic phrase from its resources.</summary>
    public string? HostName { get; set; }

    /// <summary>The address people reach ConnectUi at, for the <c>connectUrl</c> of new sessions; the request's own address when unset.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
