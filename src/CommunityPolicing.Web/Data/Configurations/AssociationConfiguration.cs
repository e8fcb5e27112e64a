using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.RegisterNumber).HasMaxLength(50);
        builder.Property(a => a.Phone).HasMaxLength(30);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.DepartmentId, a.Name }).IsUnique();
        builder.HasOne(a => a.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Precincts).WithMany().UsingEntity("association_precincts");
        builder.HasMany(a => a.Coordinators).WithOne().HasForeignKey(c => c.AssociationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Members).WithOne(v => v.Association).HasForeignKey(v => v.AssociationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssociationCoordinatorConfiguration : IEntityTypeConfiguration<AssociationCoordinator>
{
    public void Configure(EntityTypeBuilder<AssociationCoordinator> builder)
    {
        builder.HasKey(c => new { c.AssociationId, c.UserId });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.FullName).HasMaxLength(200);
        builder.Property(v => v.Phone).HasMaxLength(30);
        builder.Property(v => v.Address).HasMaxLength(300);
        builder.Property(v => v.DocumentNumber).HasMaxLength(30);
        builder.Property(v => v.BadgeNumber).HasMaxLength(30);
        builder.Property(v => v.StatusReason).HasMaxLength(500);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasIndex(v => new { v.AssociationId, v.Status, v.FullName });
        builder.HasIndex(v => v.DocumentNumber).IsUnique();
    }
}

public sealed class TrainingTopicRuleConfiguration : IEntityTypeConfiguration<TrainingTopicRule>
{
    public void Configure(EntityTypeBuilder<TrainingTopicRule> builder)
    {
        builder.HasKey(r => r.Topic);
        builder.Property(r => r.Topic).HasConversion<string>().HasMaxLength(30);
        builder.HasData(TrainingTopicRule.Defaults);
    }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(t => t.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Hours).HasPrecision(5, 1);
        builder.Property(t => t.Notes).HasMaxLength(2000);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasIndex(t => new { t.AssociationId, t.HeldOn });
        builder.HasOne<Association>().WithMany().HasForeignKey(t => t.AssociationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.InstructorOfficer).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Attendance).WithOne().HasForeignKey(a => a.TrainingSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.HasIndex(a => new { a.TrainingSessionId, a.VolunteerId }).IsUnique();
        builder.HasIndex(a => a.VolunteerId);
        builder.HasOne(a => a.Volunteer).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssociationMonthPlanConfiguration : IEntityTypeConfiguration<AssociationMonthPlan>
{
    public void Configure(EntityTypeBuilder<AssociationMonthPlan> builder)
    {
        builder.Property(p => p.PlannedTrainingHours).HasPrecision(7, 1);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.AssociationId, p.Month }).IsUnique();
        builder.HasOne<Association>().WithMany().HasForeignKey(p => p.AssociationId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_association_month_plans_counts", "planned_patrols >= 0 AND planned_events >= 0 AND planned_training_hours >= 0"));
    }
}
