using ConnectUi.BackgroundWork;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections.Storage;

/// <summary>The app's database: saved connections, verification attempts, and the Data Protection key ring that encrypts credentials.</summary>
public sealed class ConnectUiDbContext(DbContextOptions<ConnectUiDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ConnectionRecord> Connections => Set<ConnectionRecord>();

    public DbSet<VerificationAttemptRecord> VerificationAttempts => Set<VerificationAttemptRecord>();

    public DbSet<ConnectSessionRecord> ConnectSessions => Set<ConnectSessionRecord>();

    public DbSet<ConnectionEventRecord> ConnectionEvents => Set<ConnectionEventRecord>();

    public DbSet<BackgroundLeaseRecord> BackgroundLeases => Set<BackgroundLeaseRecord>();

    /// <summary>Kept in the same database so every instance that shares it can decrypt what another saved.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConnectionRecord>(connection =>
        {
            connection.ToTable("Connections");
            connection.HasKey(c => c.Id);
            connection.Property(c => c.ProviderId).HasMaxLength(100);
            connection.Property(c => c.EndUserId).HasMaxLength(200);
            connection.Property(c => c.AccountLabel).HasMaxLength(500);
            // Stored by name so support staff can read the table without the enum's source.
            connection.Property(c => c.LastOutcome).HasConversion<string>().HasMaxLength(40);
            connection.HasIndex(c => new { c.EndUserId, c.ProviderId });
            connection.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ConnectionStatus.Healthy).HasSentinel((ConnectionStatus)(-1));
            connection.HasIndex(c => c.NextVerificationAtUnixMs);
        });

        modelBuilder.Entity<VerificationAttemptRecord>(attempt =>
        {
            attempt.ToTable("VerificationAttempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.ProviderId).HasMaxLength(100);
            attempt.Property(a => a.EndUserId).HasMaxLength(200);
            attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(40);
            // No foreign key: the attempt history outlives a deleted connection.
            attempt.HasIndex(a => a.ConnectionId);
            attempt.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(20);
            attempt.Property(a => a.StatusAfter).HasConversion<string>().HasMaxLength(20);
        });

        modelBuilder.Entity<ConnectSessionRecord>(session =>
        {
            session.ToTable("ConnectSessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.TokenHash).HasMaxLength(64);
            session.HasIndex(s => s.TokenHash).IsUnique();
            session.Property(s => s.EndUserId).HasMaxLength(200);
            session.Property(s => s.EndUserEmail).HasMaxLength(320);
            session.Property(s => s.AllowedProviders).HasMaxLength(2000);
            session.Property(s => s.RedirectUrl).HasMaxLength(2000);
            session.Property(s => s.Locale).HasMaxLength(10);
            // Saving a connection sets it with "WHERE ConsumedAt IS NULL": of two tabs saving at once, one wins.
            session.Property(s => s.ConsumedAt).IsConcurrencyToken();
        });

        modelBuilder.Entity<ConnectionEventRecord>(connectionEvent =>
        {
            connectionEvent.ToTable("ConnectionEvents");
            connectionEvent.HasKey(e => e.Sequence);
            connectionEvent.Property(e => e.Sequence).ValueGeneratedOnAdd();
            connectionEvent.Property(e => e.MessageId).HasMaxLength(40);
            connectionEvent.HasIndex(e => e.MessageId).IsUnique();
            connectionEvent.Property(e => e.Type).HasMaxLength(40);
            connectionEvent.Property(e => e.Delivery).HasConversion<string>().HasMaxLength(20);
            connectionEvent.Property(e => e.LastError).HasMaxLength(300);
            // No foreign key: connection.deleted outlives its connection. The dispatcher asks "pending and due, per connection".
            connectionEvent.HasIndex(e => new { e.Delivery, e.NextAttemptAtUnixMs });
            connectionEvent.HasIndex(e => new { e.ConnectionId, e.Sequence });
        });

        modelBuilder.Entity<BackgroundLeaseRecord>(lease =>
        {
            // DatabaseLease writes this table with hand-written SQL that names it and its columns: keep the names in step.
            lease.ToTable("BackgroundLeases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(DatabaseLease.MaxNameLength);
            lease.Property(l => l.HolderId).HasMaxLength(DatabaseLease.MaxNameLength);
        });
    }
}
