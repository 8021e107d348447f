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

    /// <summary>The connection saved by this attempt; null when nothing was saved.</summary>
    public Guid? ConnectionId { get; set; }
}
