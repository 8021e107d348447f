using ConnectUi.Staff.Audit;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectUi.Staff;

/// <summary>The staff audit log in the app's database; the staff accounts are Identity's tables (see <see cref="ConnectUiDbContext"/>).</summary>
public static class StaffTables
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<AuditEntryRecord> AuditEntries => db.Set<AuditEntryRecord>();
    }
}

internal sealed class StaffUserTable : IEntityTypeConfiguration<StaffUser>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<StaffUser> user) =>
        user.Property(u => u.CreatedAt).HasConversion(UnixMilliseconds.Converter);
}

internal sealed class AuditEntryRecordTable : IEntityTypeConfiguration<AuditEntryRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.At).HasConversion(UnixMilliseconds.Converter);
        entry.Property(e => e.Actor).HasMaxLength(320);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        entry.Property(e => e.Subject).HasMaxLength(200);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.HasIndex(e => e.At);
    }
}
