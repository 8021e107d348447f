using System.Text.Json.Serialization;
using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.HostApi;

/// <summary>A saved connection as the host API shows it: non-secret settings only.</summary>
public sealed record ConnectionResponse(
    Guid Id,
    string Provider,
    string? EndUserId,
    IReadOnlyDictionary<string, string> Settings,
    string? AccountLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastVerifiedAt,
    string LastOutcome,
    ConnectionStatus Status,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? NextVerificationAt)
{
    public static ConnectionResponse From(SavedConnection connection) => new(
        connection.Id,
        connection.ProviderId,
        connection.EndUserId,
        connection.Settings,
        connection.AccountLabel,
        connection.CreatedAt,
        connection.UpdatedAt,
        connection.LastVerifiedAt,
        connection.LastOutcome,
        connection.Status,
        connection.StatusChangedAt,
        connection.NextVerificationAt);
}

/// <summary>A connection's status and its test calls, newest first; no secrets.</summary>
public sealed record ConnectionHistoryResponse(Guid ConnectionId, ConnectionStatus Status, IReadOnlyList<HistoryEntryResponse> History);

public sealed record HistoryEntryResponse(
    DateTimeOffset AttemptedAt,
    VerificationTrigger? Trigger,
    string Outcome,
    ConnectionStatus? Status,
    long DurationMs)
{
    public static HistoryEntryResponse From(VerificationHistoryEntry entry) =>
        new(entry.AttemptedAt, entry.Trigger, entry.Outcome, entry.StatusAfter, entry.DurationMs);
}

public sealed record WebhookDeliveryListResponse(IReadOnlyList<Webhooks.WebhookDelivery> Deliveries);

public sealed record ConnectionListResponse(IReadOnlyList<ConnectionResponse> Connections);

/// <summary>Every credential of a connection, decrypted, for the host backend to call the provider with.</summary>
public sealed record ConnectionCredentialsResponse(Guid Id, string Provider, string? EndUserId, IReadOnlyDictionary<string, string> Credentials);

/// <summary>The outcome of testing a connection's stored credentials again; <paramref name="Message"/> says what to fix.</summary>
public sealed record VerificationResponse(
    Guid ConnectionId,
    string Provider,
    bool Verified,
    string Outcome,
    DateTimeOffset VerifiedAt,
    string? Message,
    string? AccountLabel,
    ConnectionStatus Status);
