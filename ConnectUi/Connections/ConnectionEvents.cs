using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using ConnectUi.Connections.Storage;
using Microsoft.Extensions.Options;
using ConnectUi.Providers;
using ConnectUi.Storage;

namespace ConnectUi.Connections;

/// <summary>The events a host hears about its connections.</summary>
public static class ConnectionEventTypes
{
    public const string Created = "connection.created";

    /// <summary>The person reconnected: new credentials, same connection id.</summary>
    public const string Updated = "connection.updated";

    public const string NeedsRelink = "connection.needs_relink";

    /// <summary>Back to healthy after needs_relink.</summary>
    public const string Healthy = "connection.healthy";

    public const string Deleted = "connection.deleted";

    public static readonly IReadOnlyList<string> All = [Created, Updated, NeedsRelink, Healthy, Deleted];
}

/// <summary>Whether connection changes write events for delivery; the webhooks registration turns it on when a URL is configured.</summary>
public sealed class ConnectionEventOptions
{
    public bool Enabled { get; set; }
}

/// <summary>The body of an event: what the host needs to act, never a secret.</summary>
public sealed record ConnectionEventBody(string Type, DateTimeOffset Timestamp, ConnectionEventData Data);

/// <param name="Outcome">The last test call's outcome name (<c>Verified</c>, <c>InvalidCredentials</c>, …).</param>
public sealed record ConnectionEventData(
    Guid ConnectionId,
    string Provider,
    string? EndUserId,
    ConnectionStatus Status,
    string Outcome);

/// <summary>
/// Adds an event row to the caller's DbContext, so the caller's SaveChanges commits the change and its event together:
/// either both are stored or neither, and an event once committed is delivered even if the app stops right after.
/// </summary>
public sealed class ConnectionEventOutbox(IOptions<ConnectionEventOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One pending wake-up is enough: the dispatcher reads every due event when it wakes.
    private readonly Channel<bool> _committed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool Enabled => options.Value.Enabled;

    /// <summary>Call after the transaction that added events committed: wakes this instance's dispatcher at once.</summary>
    public void NotifyCommitted() => _committed.Writer.TryWrite(true);

    /// <summary>Completes when <see cref="NotifyCommitted"/> was called since the last wake-up.</summary>
    public async Task WaitForCommitAsync(CancellationToken cancellationToken) => await _committed.Reader.ReadAsync(cancellationToken);

    public void Add(ConnectUiDbContext db, string type, ConnectionRecord connection, DateTimeOffset at)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var body = new ConnectionEventBody(
            type,
            at,
            new ConnectionEventData(connection.Id, connection.ProviderId, connection.EndUserId, connection.Status, connection.LastOutcome));
        db.ConnectionEvents.Add(new ConnectionEventRecord
        {
            MessageId = $"msg_{Guid.CreateVersion7(at):N}",
            ConnectionId = connection.Id,
            TenantId = connection.TenantId,
            Type = type,
            Payload = JsonSerializer.Serialize(body, Json),
            CreatedAt = at,
            RetryingSince = at,
            NextAttemptAtUnixMs = at.ToUnixTimeMilliseconds(),
        });
    }
}
