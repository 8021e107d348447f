using System.Buffers.Text;
using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using ConnectUi.Sessions;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.HostApi.Keys;

/// <summary>Host API keys an admin creates, lists and revokes at run time; each takes effect with the next request, on every instance.</summary>
public interface IHostApiKeyStore
{
    /// <summary>The caller an active (not revoked) database key identifies; null when none has this hash.</summary>
    Task<HostApiCaller?> FindActiveAsync(byte[] hash, CancellationToken cancellationToken);

    /// <summary>Every key, from configuration and the database, revoked ones last. Never a key or a hash.</summary>
    Task<IReadOnlyList<HostApiKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates a key; its text is in the result and nowhere else.</summary>
    Task<HostApiKeyCreation> CreateAsync(string? name, string? tenantId, IEnumerable<string>? scopes, string createdBy, CancellationToken cancellationToken);

    Task<HostApiKeyRevocation> RevokeAsync(string keyId, string revokedBy, CancellationToken cancellationToken);

    /// <summary>The tenants that have at least one active key, sorted.</summary>
    Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gives the connections, sessions and webhook events that belong to no tenant (saved before tenancy, or without a
    /// session) to <paramref name="tenantId"/>, so its keys see them. Returns how many connections it assigned.
    /// </summary>
    Task<int> AssignUnownedAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>A key as lists show it.</summary>
/// <param name="FromConfiguration">Set in <c>ConnectUi:HostApiKeys</c> or <c>ConnectUi:TenantKeys</c>: revoked by editing configuration.</param>
public sealed record HostApiKeyInfo(
    string Id,
    string? Name,
    string TenantId,
    IReadOnlySet<string> Scopes,
    bool FromConfiguration,
    DateTimeOffset? CreatedAt = null,
    string? CreatedBy = null,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public bool IsActive => RevokedAt is null;
}

public enum HostApiKeyProblem
{
    NameMissing,
    NameTooLong,
    TenantInvalid,
    ScopesUnknown,
}

/// <summary>A created key (<see cref="Key"/> is its text, shown once) or why none was created.</summary>
public sealed record HostApiKeyCreation(HostApiKeyInfo? Info, string? Key, HostApiKeyProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

public enum HostApiKeyRevocation
{
    Revoked,
    NotFound,
    AlreadyRevoked,

    /// <summary>A configured key: it is revoked by removing it from configuration.</summary>
    FromConfiguration,
}

public sealed class HostApiKeyStore(
    IDbContextFactory<ConnectUiDbContext> databases,
    HostApiKeyChecker configured,
    TimeProvider time) : IHostApiKeyStore
{
    public const int MaxNameLength = 100;

    /// <summary>Marks a ConnectUi key in secret scanners and logs; the rest is 256 random bits.</summary>
    public const string KeyPrefix = "cuk_";

    public async Task<HostApiCaller?> FindActiveAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var hex = Convert.ToHexStringLower(hash);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.HostApiKeys.AsNoTracking()
            .Where(k => k.Hash == hex && k.RevokedAt == null)
            .Select(k => new { k.Id, k.TenantId, k.Scopes })
            .SingleOrDefaultAsync(cancellationToken);
        return record is null ? null : new HostApiCaller(record.Id, record.TenantId, HostApiScopes.Parse([record.Scopes]) ?? new HashSet<string>());
    }

    public async Task<IReadOnlyList<HostApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stored = await db.HostApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        var fromConfiguration = configured.Configured
            .Select(k => new HostApiKeyInfo(k.Caller.KeyId, k.Name, k.Caller.TenantId, k.Caller.Scopes, FromConfiguration: true));
        var fromDatabase = stored
            .OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
            .Select(ToInfo);
        return [.. fromConfiguration, .. fromDatabase];
    }

    public async Task<HostApiKeyCreation> CreateAsync(
        string? name, string? tenantId, IEnumerable<string>? scopes, string createdBy, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        tenantId = tenantId?.Trim();
        var problem = string.IsNullOrEmpty(name) ? HostApiKeyProblem.NameMissing
            : name.Length > MaxNameLength ? HostApiKeyProblem.NameTooLong
            : !TenantIds.IsValid(tenantId) ? HostApiKeyProblem.TenantInvalid
            : HostApiScopes.Parse(scopes) is null ? HostApiKeyProblem.ScopesUnknown
            : (HostApiKeyProblem?)null;
        if (problem is not null)
        {
            return new HostApiKeyCreation(null, null, problem);
        }

        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = HostApiKeyChecker.HashOf(key)!;
        var record = new HostApiKeyRecord
        {
            Id = HostApiKeyChecker.KeyIdOf(hash),
            Hash = Convert.ToHexStringLower(hash),
            Name = name!,
            TenantId = tenantId!,
            Scopes = HostApiScopes.Format(HostApiScopes.Parse(scopes)!),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.HostApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new HostApiKeyCreation(ToInfo(record), key, null);
    }

    public async Task<HostApiKeyRevocation> RevokeAsync(string keyId, string revokedBy, CancellationToken cancellationToken)
    {
        keyId = keyId.Trim().ToLowerInvariant();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.HostApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (record is null)
        {
            return configured.Configured.Any(k => k.Caller.KeyId == keyId) ? HostApiKeyRevocation.FromConfiguration : HostApiKeyRevocation.NotFound;
        }

        if (record.RevokedAt is not null)
        {
            return HostApiKeyRevocation.AlreadyRevoked;
        }

        record.RevokedAt = time.GetUtcNow();
        record.RevokedBy = revokedBy;
        await db.SaveChangesAsync(cancellationToken);
        return HostApiKeyRevocation.Revoked;
    }

    public async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(k => k.IsActive).Select(k => k.TenantId).Distinct().Order(StringComparer.Ordinal).ToArray();

    public async Task<int> AssignUnownedAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw new ArgumentException(TenantIds.Rule, nameof(tenantId));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connections = await db.Connections.Where(c => c.TenantId == null).ExecuteUpdateAsync(c => c.SetProperty(r => r.TenantId, tenantId), cancellationToken);
        await db.ConnectSessions.Where(s => s.TenantId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.TenantId, tenantId), cancellationToken);
        await db.ConnectionEvents.Where(e => e.TenantId == null).ExecuteUpdateAsync(e => e.SetProperty(r => r.TenantId, tenantId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return connections;
    }

    private static HostApiKeyInfo ToInfo(HostApiKeyRecord record) => new(
        record.Id,
        record.Name,
        record.TenantId,
        HostApiScopes.Parse([record.Scopes]) ?? new HashSet<string>(),
        FromConfiguration: false,
        record.CreatedAt,
        record.CreatedBy,
        record.RevokedAt,
        record.RevokedBy);
}
