using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Journeys;

/// <summary>One visit to a provider page: who, where they are and how it went so far. Never holds a secret.</summary>
public sealed class VisitRecord
{
    public Guid Id { get; set; }

    /// <summary>Six characters of <see cref="SupportCode.Alphabet"/>, stored without the dash.</summary>
    public required string SupportCode { get; set; }

    public required string ProviderId { get; set; }
    public string? EndUserId { get; set; }
    public Guid? SessionId { get; set; }
    public string? HostName { get; set; }
    public string? BrowserLanguage { get; set; }
    public ViewportClass? Viewport { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last event of any kind: the customer is still there.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The guide step the customer was last shown or sent to.</summary>
    public string? CurrentStep { get; set; }

    public VerificationOutcome? LastOutcome { get; set; }
    public int RefusalCount { get; set; }
    public VisitState State { get; set; }

    /// <summary>When the visit connected or was abandoned; the support code stays valid 24 hours after.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public Guid? ConnectionId { get; set; }
}

public enum VisitState
{
    Active,
    Connected,
    Abandoned,
}

/// <summary>The browser window's width class, so staff know whether the customer is on a phone.</summary>
public enum ViewportClass
{
    Phone,
    Tablet,
    Desktop,
}
