using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Sessions;

/// <summary>The connect sessions' table in the app's database.</summary>
public static class ConnectSessionTable
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<ConnectSessionRecord> ConnectSessions => db.Set<ConnectSessionRecord>();
    }
}

internal sealed class ConnectSessionRecordTable : IEntityTypeConfiguration<ConnectSessionRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<ConnectSessionRecord> session)
    {
        session.ToTable("ConnectSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.TokenHash).HasMaxLength(64);
        session.HasIndex(s => s.TokenHash).IsUnique();
        session.Property(s => s.TenantId).HasMaxLength(TenantIds.MaxLength);
        session.Property(s => s.EndUserId).HasMaxLength(200);
        session.Property(s => s.EndUserEmail).HasMaxLength(320);
        session.Property(s => s.AllowedProviders).HasMaxLength(2000);
        session.Property(s => s.RedirectUrl).HasMaxLength(2000);
        session.Property(s => s.Locale).HasMaxLength(10);
        session.Property(s => s.PrefillJson).HasMaxLength(2000);
        session.Property(s => s.StartStep).HasMaxLength(200);
        session.Property(s => s.Branding).HasMaxLength(ConnectSessionRecord.MaxBrandingLength);
        // Saving a connection sets it with "WHERE ConsumedAt IS NULL": of two tabs saving at once, one wins.
        session.Property(s => s.ConsumedAt).IsConcurrencyToken();
    }
}
