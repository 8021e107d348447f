using ConnectUi.Providers;

namespace ConnectUi.Connections.Storage;

/// <summary>One provider test call, kept for support staff whether or not it led to a saved connection. Never holds a secret.</summary>
public sealed class VerificationAttemptRecord
{
    public Guid Id { get; set; }

    /// <summary>When the test call started.</summary>
    public DateTimeOffset AttemptedAt { get; set; }

    public required string ProviderId { get; set; }
    public string? EndUserId { get; set; }
    /// <summary>The outcome's name (<see cref="ProviderOutcome.Name"/>): a general category or the provider's own code.</summary>
    public required string Outcome { get; set; }
    public long DurationMs { get; set; }

    /// <summary>The connection this attempt saved or checked; null when nothing was saved.</summary>
    public Guid? ConnectionId { get; set; }

    /// <summary>What started the call; null on attempts recorded before triggers were.</summary>
    public VerificationTrigger? Trigger { get; set; }

    /// <summary>The connection's status after this attempt; null when the attempt concerned no saved connection.</summary>
    public ConnectionStatus? StatusAfter { get; set; }
}
