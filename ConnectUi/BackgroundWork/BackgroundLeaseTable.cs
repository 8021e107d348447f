using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectUi.BackgroundWork;

/// <summary>The background leases' table in the app's database.</summary>
public static class BackgroundLeaseTable
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<BackgroundLeaseRecord> BackgroundLeases => db.Set<BackgroundLeaseRecord>();
    }
}

internal sealed class BackgroundLeaseRecordTable : IEntityTypeConfiguration<BackgroundLeaseRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<BackgroundLeaseRecord> lease)
    {
        // DatabaseLease writes this table with hand-written SQL that names it and its columns: keep the names in step.
        lease.ToTable("BackgroundLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(DatabaseLease.MaxNameLength);
        lease.Property(l => l.HolderId).HasMaxLength(DatabaseLease.MaxNameLength);
    }
}
