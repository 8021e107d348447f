using ConnectUi.Sessions;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections.Storage;

/// <summary>The connections' tables in the app's database.</summary>
public static class ConnectionTables
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<ConnectionRecord> Connections => db.Set<ConnectionRecord>();

        public DbSet<VerificationAttemptRecord> VerificationAttempts => db.Set<VerificationAttemptRecord>();

        public DbSet<ConnectionEventRecord> ConnectionEvents => db.Set<ConnectionEventRecord>();
    }
}

internal sealed class ConnectionRecordTable : IEntityTypeConfiguration<ConnectionRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<ConnectionRecord> connection)
    {
        connection.ToTable("Connections");
        connection.HasKey(c => c.Id);
        connection.Property(c => c.ProviderId).HasMaxLength(100);
        connection.Property(c => c.EndUserId).HasMaxLength(200);
        connection.Property(c => c.AccountLabel).HasMaxLength(500);
        // The outcome's name, so support staff can read the table without the source, and providers can add their own.
        connection.Property(c => c.LastOutcome).HasMaxLength(40);
        connection.Property(c => c.TenantId).HasMaxLength(TenantIds.MaxLength);
        connection.HasIndex(c => new { c.TenantId, c.EndUserId, c.ProviderId });
        connection.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ConnectionStatus.Healthy).HasSentinel((ConnectionStatus)(-1));
        connection.HasIndex(c => c.NextVerificationAtUnixMs);
    }
}

internal sealed class VerificationAttemptRecordTable : IEntityTypeConfiguration<VerificationAttemptRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<VerificationAttemptRecord> attempt)
    {
        attempt.ToTable("VerificationAttempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.ProviderId).HasMaxLength(100);
        attempt.Property(a => a.EndUserId).HasMaxLength(200);
        attempt.Property(a => a.Outcome).HasMaxLength(40);
        // No foreign key: the attempt history outlives a deleted connection.
        attempt.HasIndex(a => a.ConnectionId);
        attempt.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(20);
        attempt.Property(a => a.StatusAfter).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ConnectionEventRecordTable : IEntityTypeConfiguration<ConnectionEventRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<ConnectionEventRecord> connectionEvent)
    {
        connectionEvent.ToTable("ConnectionEvents");
        connectionEvent.HasKey(e => e.Sequence);
        connectionEvent.Property(e => e.Sequence).ValueGeneratedOnAdd();
        connectionEvent.Property(e => e.MessageId).HasMaxLength(40);
        connectionEvent.HasIndex(e => e.MessageId).IsUnique();
        connectionEvent.Property(e => e.Type).HasMaxLength(40);
        connectionEvent.Property(e => e.TenantId).HasMaxLength(TenantIds.MaxLength);
        connectionEvent.Property(e => e.Delivery).HasConversion<string>().HasMaxLength(20);
        connectionEvent.Property(e => e.LastError).HasMaxLength(300);
        // No foreign key: connection.deleted outlives its connection. The dispatcher asks "pending and due, per connection".
        connectionEvent.HasIndex(e => new { e.Delivery, e.NextAttemptAtUnixMs });
        connectionEvent.HasIndex(e => new { e.ConnectionId, e.Sequence });
    }
}
