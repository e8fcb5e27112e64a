using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class BeatPlaceConfiguration : IEntityTypeConfiguration<BeatPlace>
{
    public void Configure(EntityTypeBuilder<BeatPlace> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Notes).HasMaxLength(1000);
        builder.HasIndex(p => p.BeatId);
        builder.HasOne<Beat>().WithMany().HasForeignKey(p => p.BeatId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BeatContactConfiguration : IEntityTypeConfiguration<BeatContact>
{
    public void Configure(EntityTypeBuilder<BeatContact> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Role).HasMaxLength(100);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Notes).HasMaxLength(1000);
        builder.HasIndex(c => c.BeatId);
        builder.HasOne<Beat>().WithMany().HasForeignKey(c => c.BeatId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Place).HasMaxLength(300);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.OfficerId, e.At });
        builder.HasIndex(e => new { e.BeatId, e.Kind, e.Date });
        builder.HasOne(e => e.Officer).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Beat).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Appeal>().WithMany().HasForeignKey(e => e.AppealId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("ck_log_entries_households", "households IS NULL OR households BETWEEN 0 AND 10000"));
    }
}

public sealed class PreventionActivityConfiguration : IEntityTypeConfiguration<PreventionActivity>
{
    public void Configure(EntityTypeBuilder<PreventionActivity> builder)
    {
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Participants).HasMaxLength(1000);
        builder.Property(a => a.TargetGroup).HasMaxLength(300);
        builder.Property(a => a.Outcome).HasMaxLength(2000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.PrecinctId, a.PlannedOn });
        builder.HasIndex(a => new { a.DepartmentId, a.PlannedOn });
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Beat).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.ResponsibleOfficer).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("ck_prevention_activities_attendance", "attendance IS NULL OR attendance >= 0"));
    }
}

public sealed class PreventiveRecordConfiguration : IEntityTypeConfiguration<PreventiveRecord>
{
    public void Configure(EntityTypeBuilder<PreventiveRecord> builder)
    {
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.FullName).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(300);
        builder.Property(r => r.Grounds).HasMaxLength(2000);
        builder.Property(r => r.RemovalReason).HasMaxLength(1000);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.PrecinctId, r.RemovedOn });
        builder.HasIndex(r => new { r.DepartmentId, r.Category });
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beat>().WithMany().HasForeignKey(r => r.BeatId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Checks).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_preventive_records_frequency", "check_every_days BETWEEN 1 AND 366"));
    }
}

public sealed class RecordCheckConfiguration : IEntityTypeConfiguration<RecordCheck>
{
    public void Configure(EntityTypeBuilder<RecordCheck> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.HasIndex(c => new { c.RecordId, c.CheckedOn });
        builder.HasOne(c => c.Officer).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> builder)
    {
        builder.Property(m => m.Attendees).HasMaxLength(2000);
        builder.Property(m => m.Minutes).HasMaxLength(8000);
        builder.HasIndex(m => new { m.PrecinctId, m.HeldOn });
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasMaxLength(200);
    }
}

public sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.Text).HasMaxLength(4000);
        builder.HasIndex(b => new { b.PrecinctId, b.ValidUntil });
        builder.HasOne<Department>().WithMany().HasForeignKey(b => b.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Association>().WithMany().HasForeignKey(b => b.AssociationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
