using ConnectUi.BackgroundWork;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections.Storage;

/// <summary>
/// The app's database: saved connections, verification attempts, and the Data Protection key ring that encrypts credentials.
/// The SQLite migrations belong to this type; <see cref="PostgreSqlConnectUiDbContext"/> carries the PostgreSQL ones.
/// </summary>
public class ConnectUiDbContext : DbContext, IDataProtectionKeyContext
{
    public ConnectUiDbContext(DbContextOptions<ConnectUiDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, so EF finds that provider's migrations and snapshot.</summary>
    protected ConnectUiDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ConnectionRecord> Connections => Set<ConnectionRecord>();

    public DbSet<VerificationAttemptRecord> VerificationAttempts => Set<VerificationAttemptRecord>();

    public DbSet<ConnectSessionRecord> ConnectSessions => Set<ConnectSessionRecord>();

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
            // Saving a connection sets it with "WHERE ConsumedAt IS NULL": of two tabs saving at once, one wins.
            session.Property(s => s.ConsumedAt).IsConcurrencyToken();
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
