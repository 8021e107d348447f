using System.Text.Json.Serialization;

namespace ConnectUi.Connections.Storage;

/// <summary>
/// An event about a connection, written in the same transaction as the change it reports (the outbox), and kept with its
/// delivery state until the host has it. The body is fixed when the event is written, so every retry sends the same bytes.
/// Never holds a secret.
/// </summary>
public sealed class ConnectionEventRecord
{
    /// <summary>Gives the order of events, per connection and overall.</summary>
    public long Sequence { get; set; }

    /// <summary>The <c>webhook-id</c> header: the same on every retry and replay, so the host can drop a repeat.</summary>
    public required string MessageId { get; set; }

    public Guid ConnectionId { get; set; }

    /// <summary>The connection's tenant when the event was written: the host API lists and replays a tenant's own events only.</summary>
    public string? TenantId { get; set; }

    /// <summary><c>connection.created</c> and so on; see <see cref="ConnectionEventTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>The JSON body exactly as sent.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ConnectionEventDelivery Delivery { get; set; } = ConnectionEventDelivery.Pending;

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due, in Unix milliseconds (compared in SQL, so a number).</summary>
    public long NextAttemptAtUnixMs { get; set; }

    /// <summary>Retries stop once an attempt fails this long after this moment: the event's creation, or its last replay.</summary>
    public DateTimeOffset RetryingSince { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed: an HTTP status or a network failure, never a response body.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ConnectionEventDelivery>))]
public enum ConnectionEventDelivery
{
    /// <summary>Not delivered yet; attempts continue.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>Every attempt over the retry window failed; waits for a replay.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
