using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

/// <summary>
/// The first Data Protection key, created once for all instances. Data Protection creates a key on first use when the
/// ring is empty, and activates that first one at once: two instances starting together on a fresh database would
/// each make their own and encrypt with it before seeing the other's. Later keys are created two days before they are
/// used, so every instance has read them by then.
/// </summary>
public static class DataProtectionKeyRing
{
    /// <summary>Any number, the same in every instance: the PostgreSQL advisory lock that serialises creating the first key.</summary>
    private const long FirstKeyLock = 0x436f6e6e65637455; // "ConnectU"

    public static async Task EnsureDataProtectionKeyAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db is not PostgreSqlConnectUiDbContext)
        {
            // SQLite is one instance's file: Data Protection's own first-use creation is enough.
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({FirstKeyLock})", cancellationToken);
            var keyManager = services.GetRequiredService<IKeyManager>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!keyManager.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
            {
                keyManager.CreateNewKey(now, now.AddDays(90));
            }
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({FirstKeyLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
