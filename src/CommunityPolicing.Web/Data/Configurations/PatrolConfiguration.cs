using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class PatrolConfiguration : IEntityTypeConfiguration<Patrol>
{
    public void Configure(EntityTypeBuilder<Patrol> builder)
    {
        builder.Property(p => p.MeetingPoint).HasMaxLength(300);
        builder.Property(p => p.Route).HasMaxLength(1000);
        builder.Property(p => p.Briefing).HasMaxLength(2000);
        builder.Property(p => p.CancelReason).HasMaxLength(500);
        builder.Property(p => p.ReportNotes).HasMaxLength(4000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.DepartmentId, p.StartsAt });
        builder.HasIndex(p => new { p.DepartmentId, p.Date }); // patrol hours per beat on the chief's dashboard
        builder.HasIndex(p => new { p.PrecinctId, p.StartsAt });
        builder.HasIndex(p => new { p.AssociationId, p.Date });
        builder.HasOne(p => p.Department).WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Association).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Beats).WithMany().UsingEntity("patrol_beats");
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(x => x.PatrolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Offences).WithOne().HasForeignKey(x => x.PatrolId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_patrols_times", "ends_at > starts_at");
            t.HasCheckConstraint("ck_patrols_report", "incidents >= 0 AND persons_handed_over >= 0");
        });
    }
}

public sealed class PatrolParticipantConfiguration : IEntityTypeConfiguration<PatrolParticipant>
{
    public void Configure(EntityTypeBuilder<PatrolParticipant> builder)
    {
        builder.Property(p => p.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Hours).HasPrecision(5, 1);
        builder.HasOne(p => p.Officer).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Volunteer).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PatrolId, p.OfficerId }).IsUnique();
        builder.HasIndex(p => new { p.PatrolId, p.VolunteerId }).IsUnique();
        builder.HasIndex(p => p.OfficerId);
        builder.HasIndex(p => p.VolunteerId);
        builder.ToTable(t => t.HasCheckConstraint("ck_patrol_participants_one", "(officer_id IS NULL) <> (volunteer_id IS NULL)"));
    }
}

public sealed class PatrolOffenceConfiguration : IEntityTypeConfiguration<PatrolOffence>
{
    public void Configure(EntityTypeBuilder<PatrolOffence> builder)
    {
        builder.Property(o => o.Category).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(o => new { o.PatrolId, o.Category }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_patrol_offences_counts", "detected >= 0 AND prevented >= 0"));
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Association>().WithMany().HasForeignKey(f => f.AssociationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Officer>().WithMany().HasForeignKey(f => f.OfficerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_calendar_feeds_one", "(association_id IS NULL) <> (officer_id IS NULL)"));
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(n => new { n.UserId, n.PatrolId, n.Kind }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patrol>().WithMany().HasForeignKey(n => n.PatrolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Appeal>().WithMany().HasForeignKey(n => n.AppealId).OnDelete(DeleteBehavior.Cascade);
    }
}
