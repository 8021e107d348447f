using ConnectUi.Providers;

namespace ConnectUi.Connections;

/// <summary>What happened to a submitted form, in terms the form can show.</summary>
public sealed record ConnectResult
{
    public required ConnectStatus Status { get; init; }
    /// <summary>The general category, which the form and the attempt limits act on.</summary>
    public required VerificationOutcome Outcome { get; init; }

    /// <summary>The provider's own code for an ending only it knows; see <see cref="ProviderOutcome"/>.</summary>
    public string? OutcomeCode { get; init; }

    /// <summary>The outcome as host events and the host API name it: the provider's code, or the category.</summary>
    public string OutcomeName => OutcomeCode ?? Outcome.ToString();

    /// <summary>Set when the connection was saved.</summary>
    public Guid? ConnectionId { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>What the person should fix; null when connected.</summary>
    public ConnectProblem? Problem { get; init; }

    /// <summary>Why the session the form was opened with can no longer save; set with <see cref="ConnectStatus.SessionEnded"/>.</summary>
    public Sessions.SessionStatus? SessionStatus { get; init; }

    public bool Succeeded => Status == ConnectStatus.Connected;

    public static ConnectResult Connected(Guid connectionId, DateTimeOffset verifiedAt) => new()
    {
        Status = ConnectStatus.Connected,
        Outcome = VerificationOutcome.Verified,
        ConnectionId = connectionId,
        VerifiedAt = verifiedAt,
    };
}

public enum ConnectStatus
{
    /// <summary>The provider accepted the credentials and the connection is saved.</summary>
    Connected,

    /// <summary>The provider refused the credentials, or could not be reached; nothing was saved.</summary>
    NotVerified,

    /// <summary>The provider accepted the credentials but saving failed; trying again needs no re-typing.</summary>
    NotSaved,

    /// <summary>Too many attempts in a short time; nothing was sent to the provider.</summary>
    TooManyAttempts,

    /// <summary>The host's session expired or was already used; nothing was saved.</summary>
    SessionEnded,
}
