using ConnectUi.Sessions;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectUi.HostApi.Keys;

/// <summary>The run-time host API keys' table in the app's database.</summary>
public static class HostApiKeyTable
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<HostApiKeyRecord> HostApiKeys => db.Set<HostApiKeyRecord>();
    }
}

internal sealed class HostApiKeyRecordTable : IEntityTypeConfiguration<HostApiKeyRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<HostApiKeyRecord> key)
    {
        key.ToTable("HostApiKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(12);
        key.Property(k => k.Hash).HasMaxLength(64);
        // Every authenticated request looks its key up by hash.
        key.HasIndex(k => k.Hash).IsUnique();
        key.Property(k => k.Name).HasMaxLength(HostApiKeyStore.MaxNameLength);
        key.Property(k => k.TenantId).HasMaxLength(TenantIds.MaxLength);
        key.Property(k => k.Scopes).HasMaxLength(200);
        key.Property(k => k.CreatedBy).HasMaxLength(320);
        key.Property(k => k.RevokedBy).HasMaxLength(320);
    }
}
