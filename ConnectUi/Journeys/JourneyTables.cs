using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectUi.Journeys;

/// <summary>The customers' visits and their journey events, in the app's database.</summary>
public static class JourneyTables
{
    extension(ConnectUiDbContext db)
    {
        public DbSet<VisitRecord> Visits => db.Set<VisitRecord>();

        public DbSet<JourneyEventRecord> JourneyEvents => db.Set<JourneyEventRecord>();
    }
}

internal sealed class VisitRecordTable : IEntityTypeConfiguration<VisitRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<VisitRecord> visit)
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
        visit.Property(v => v.StartedAt).HasConversion(UnixMilliseconds.Converter);
        visit.Property(v => v.LastActivityAt).HasConversion(UnixMilliseconds.Converter);
        visit.Property(v => v.EndedAt).HasConversion(UnixMilliseconds.NullableConverter);
        visit.HasIndex(v => v.SupportCode);
        visit.HasIndex(v => v.LastActivityAt);
        visit.HasIndex(v => v.EndUserId);
    }
}

internal sealed class JourneyEventRecordTable : IEntityTypeConfiguration<JourneyEventRecord>, IConnectUiTable
{
    public void Configure(EntityTypeBuilder<JourneyEventRecord> journeyEvent)
    {
        journeyEvent.ToTable("JourneyEvents");
        journeyEvent.HasKey(e => e.Id);
        journeyEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        journeyEvent.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(40);
        journeyEvent.Property(e => e.OutcomeCode).HasMaxLength(40);
        journeyEvent.Property(e => e.At).HasConversion(UnixMilliseconds.Converter);
        journeyEvent.Property(e => e.Field).HasMaxLength(200);
        journeyEvent.Property(e => e.Rule).HasMaxLength(200);
        journeyEvent.Property(e => e.Step).HasMaxLength(200);
        journeyEvent.Property(e => e.Message).HasMaxLength(2000);
        journeyEvent.Property(e => e.TechnicalDetails).HasMaxLength(2000);
        journeyEvent.Property(e => e.Detail).HasMaxLength(2000);
        journeyEvent.HasOne<VisitRecord>().WithMany().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}
