using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Sessions;

namespace ConnectUi.Tests.Features.Session;

/// <summary>Answers every token with the lookup the test sets.</summary>
public sealed class FakeSessionService : ISessionService
{
    public SessionLookup Lookup { get; set; } = SessionLookup.Unknown;

    public List<string?> Tokens { get; } = [];

    public List<Guid> Ids { get; } = [];

    public Task<CreatedSession> CreateAsync(NewSession request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pages never create sessions.");

    public Task<SessionLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        Tokens.Add(token);
        return Task.FromResult(Lookup);
    }

    public Task<SessionLookup> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        Ids.Add(id);
        return Task.FromResult(Lookup.Session?.Id == id ? Lookup : SessionLookup.Unknown);
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pages never delete sessions.");
}

/// <summary>An in-memory read side holding the connections the test adds.</summary>
public sealed class FakeConnectionStore : IConnectionStore
{
    public Dictionary<Guid, SavedConnection> Connections { get; } = [];

    public Task<SavedConnection?> FindAsync(Guid connectionId, CancellationToken cancellationToken) =>
        Task.FromResult(Connections.GetValueOrDefault(connectionId));

    public Task<IReadOnlyList<SavedConnection>> ListAsync(string? endUserId, string? providerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SavedConnection>>(
            Connections.Values.Where(c => c.EndUserId == endUserId && (providerId is null || c.ProviderId == providerId)).ToArray());

    public Task<IReadOnlyList<SavedConnection>> ListAsync(string tenantId, string? endUserId, string? providerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SavedConnection>>(
            Connections.Values.Where(c => c.TenantId == tenantId && c.EndUserId == endUserId && (providerId is null || c.ProviderId == providerId)).ToArray());

    public Task<IReadOnlyDictionary<string, string>?> GetCredentialsAsync(Guid connectionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pages never read credentials.");

    public Task<bool> DeleteAsync(Guid connectionId, CancellationToken cancellationToken) => Task.FromResult(Connections.Remove(connectionId));

    public Task<IReadOnlyList<VerificationHistoryEntry>?> HistoryAsync(Guid connectionId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pages never read a connection's history.");
}

public static class SessionExamples
{
    public static readonly Guid SessionId = Guid.Parse("0193a2b4-0000-7000-8000-000000000001");

    public static ConnectSession ExampleSession(
        IReadOnlyList<string>? allowedProviders = null,
        Guid? reconnectConnectionId = null,
        Uri? redirectUrl = null,
        string endUserId = "user-1") =>
        new(SessionId, endUserId, null, allowedProviders, redirectUrl, reconnectConnectionId, Support.TestServices.Now.AddMinutes(30));

    public static SavedConnection ExampleConnection(Guid id, string providerId, string endUserId, IReadOnlyDictionary<string, string>? settings = null) =>
        new(id, providerId, endUserId, settings ?? new Dictionary<string, string>(), "Acme Corp",
            Support.TestServices.Now, Support.TestServices.Now, Support.TestServices.Now, nameof(VerificationOutcome.Verified));

    /// <summary>A reconnect session's target, as the session start page makes it from a saved connection.</summary>
    public static RenewedConnection ExampleRenewal(Guid id, string providerId, IReadOnlyDictionary<string, string>? settings = null) =>
        new(id, providerId, settings ?? new Dictionary<string, string>(), "Acme Corp", Support.TestServices.Now);
}
