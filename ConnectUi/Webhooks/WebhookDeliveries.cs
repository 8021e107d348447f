using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using ConnectUi.Storage;

namespace ConnectUi.Webhooks;

/// <summary>The outbox as the host API and support staff see it: what was sent, what failed, and sending a failed event again.</summary>
public interface IWebhookDeliveries
{
    /// <summary>
    /// Newest first, at most <paramref name="limit"/>, optionally in one state; of one host API tenant, or of all when
    /// <paramref name="tenantId"/> is null (the support console).
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(string? tenantId, ConnectionEventDelivery? state, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the event again, as soon as the dispatcher can, with the same <c>webhook-id</c>, and retries it for another full
    /// window. Null when there is no such event, or it is not <paramref name="tenantId"/>'s (null: any tenant's, for the console).
    /// </summary>
    Task<WebhookDelivery?> ReplayAsync(string? tenantId, string messageId, CancellationToken cancellationToken);
}

/// <summary>One event's delivery; no body, so never a secret either.</summary>
public sealed record WebhookDelivery(
    string Id,
    string Type,
    Guid ConnectionId,
    DateTimeOffset CreatedAt,
    ConnectionEventDelivery Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public static WebhookDelivery From(ConnectionEventRecord record) => new(
        record.MessageId,
        record.Type,
        record.ConnectionId,
        record.CreatedAt,
        record.Delivery,
        record.Attempts,
        record.LastAttemptAt,
        record.LastError,
        record.Delivery == ConnectionEventDelivery.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(record.NextAttemptAtUnixMs) : null,
        record.DeliveredAt);
}

public sealed class WebhookDeliveries(
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    ConnectionEventOutbox outbox,
    TimeProvider timeProvider) : IWebhookDeliveries
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string? tenantId, ConnectionEventDelivery? state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ConnectionEvents.AsNoTracking();
        if (tenantId is not null)
        {
            query = query.Where(e => e.TenantId == tenantId);
        }

        if (state is { } wanted)
        {
            query = query.Where(e => e.Delivery == wanted);
        }

        var records = await query.OrderByDescending(e => e.Sequence).Take(Math.Min(limit, MaxLimit)).ToListAsync(cancellationToken);
        return records.Select(WebhookDelivery.From).ToArray();
    }

    public async Task<WebhookDelivery?> ReplayAsync(string? tenantId, string messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ConnectionEvents.SingleOrDefaultAsync(e => e.MessageId == messageId, cancellationToken);
        if (record is null || (tenantId is not null && record.TenantId != tenantId))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        record.Delivery = ConnectionEventDelivery.Pending;
        record.NextAttemptAtUnixMs = now.ToUnixTimeMilliseconds();
        record.RetryingSince = now;
        record.DeliveredAt = null;
        await db.SaveChangesAsync(cancellationToken);
        outbox.NotifyCommitted();
        return WebhookDelivery.From(record);
    }
}
