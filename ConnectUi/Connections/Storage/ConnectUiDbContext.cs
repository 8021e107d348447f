using ConnectUi.BackgroundWork;
using ConnectUi.Journeys;
using ConnectUi.Sessions;
using ConnectUi.Staff;
using ConnectUi.Staff.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConnectUi.Connections.Storage;

/// <summary>
/// The app's database: saved connections, verification attempts, the Data Protection key ring that encrypts credentials,
/// staff accounts (ASP.NET Core Identity), customers' journeys and the staff audit log.
/// </summary>
public sealed class ConnectUiDbContext(DbContextOptions<ConnectUiDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Times the console filters and sorts by are stored as Unix milliseconds: SQLite cannot compare DateTimeOffset text.</summary>
    private static readonly ValueConverter<DateTimeOffset, long> UnixMilliseconds =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUnixMilliseconds =
        new(v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    public DbSet<ConnectionRecord> Connections => Set<ConnectionRecord>();

    public DbSet<VerificationAttemptRecord> VerificationAttempts => Set<VerificationAttemptRecord>();

    public DbSet<ConnectSessionRecord> ConnectSessions => Set<ConnectSessionRecord>();

    public DbSet<BackgroundLeaseRecord> BackgroundLeases => Set<BackgroundLeaseRecord>();

    /// <summary>Kept in the same database so every instance that shares it can decrypt what another saved.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<VisitRecord> Visits => Set<VisitRecord>();

    public DbSet<JourneyEventRecord> JourneyEvents => Set<JourneyEventRecord>();

    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StaffUser>().Property(u => u.CreatedAt).HasConversion(UnixMilliseconds);

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
            session.Property(s => s.PrefillJson).HasMaxLength(2000);
            session.Property(s => s.StartStep).HasMaxLength(200);
            // Saving a connection sets it with "WHERE ConsumedAt IS NULL": of two tabs saving at once, one wins.
            session.Property(s => s.ConsumedAt).IsConcurrencyToken();
        });

        modelBuilder.Entity<VisitRecord>(visit =>
        {
            visit.ToTable("Visits");
            visit.HasKey(v => v.Id);
            visit.Property(v => v.SupportCode).HasMaxLength(SupportCode.Length);
            visit.Property(v => v.ProviderId).HasMaxLength(100);
            visit.Property(v => v.EndUserId).HasMaxLength(200);
            visit.Property(v => v.HostName).HasMaxLength(200);
            visit.Property(v => v.BrowserLanguage).HasMaxLength(50);
            visit.Property(v => v.CurrentStep).HasMaxLength(200);
            visit.Property(v => v.Viewport).HasConversion<string>().HasMaxLength(20);
            visit.Property(v => v.LastOutcome).HasConversion<string>().HasMaxLength(40);
            visit.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
            visit.Property(v => v.StartedAt).HasConversion(UnixMilliseconds);
            visit.Property(v => v.LastActivityAt).HasConversion(UnixMilliseconds);
            visit.Property(v => v.EndedAt).HasConversion(NullableUnixMilliseconds);
            visit.HasIndex(v => v.SupportCode);
            visit.HasIndex(v => v.LastActivityAt);
            visit.HasIndex(v => v.EndUserId);
        });

        modelBuilder.Entity<JourneyEventRecord>(journeyEvent =>
        {
            journeyEvent.ToTable("JourneyEvents");
            journeyEvent.HasKey(e => e.Id);
            journeyEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
            journeyEvent.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(40);
            journeyEvent.Property(e => e.At).HasConversion(UnixMilliseconds);
            journeyEvent.Property(e => e.Field).HasMaxLength(200);
            journeyEvent.Property(e => e.Rule).HasMaxLength(200);
            journeyEvent.Property(e => e.Step).HasMaxLength(200);
            journeyEvent.Property(e => e.Message).HasMaxLength(2000);
            journeyEvent.Property(e => e.TechnicalDetails).HasMaxLength(2000);
            journeyEvent.Property(e => e.Detail).HasMaxLength(2000);
            journeyEvent.HasOne<VisitRecord>().WithMany().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntryRecord>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.At).HasConversion(UnixMilliseconds);
            entry.Property(e => e.Actor).HasMaxLength(320);
            entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.HasIndex(e => e.At);
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
