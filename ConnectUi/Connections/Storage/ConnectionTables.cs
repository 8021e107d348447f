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
        connection.HasIndex(c => new { c.EndUserId, c.ProviderId });
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
    }
}
