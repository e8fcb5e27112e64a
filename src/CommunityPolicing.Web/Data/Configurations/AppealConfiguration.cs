using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.Property(a => a.RegistrationNumber).HasMaxLength(20);
        builder.Property(a => a.TrackingCode).HasMaxLength(16);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ApplicantName).HasMaxLength(200);
        builder.Property(a => a.ApplicantPhone).HasMaxLength(30);
        builder.Property(a => a.ApplicantEmail).HasMaxLength(256);
        builder.Property(a => a.ApplicantAddress).HasMaxLength(300);
        builder.Property(a => a.Description).HasMaxLength(5000);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.Answer).HasMaxLength(10000);
        builder.Property(a => a.RedirectedTo).HasMaxLength(300);
        builder.Property(a => a.StatusNote).HasMaxLength(500);
        builder.Property(a => a.RatingComment).HasMaxLength(2000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.RegistrationNumber).IsUnique();
        builder.HasIndex(a => a.TrackingCode).IsUnique();
        builder.Property(a => a.IdempotencyKey).HasMaxLength(AppealForm.IdempotencyKeyMaxLength);
        builder.HasIndex(a => a.IdempotencyKey).IsUnique(); // NULLs (staff registrations) do not clash
        builder.Property(a => a.IdempotencyHash).HasMaxLength(64);

        // Every list filter has an index; the department's open appeals by due date is the hot path.
        builder.HasIndex(a => new { a.DepartmentId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.PrecinctId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.AssignedOfficerId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.DepartmentId, a.RegisteredAt });
        builder.HasIndex(a => new { a.RegisteredAt, a.Id }); // the whole country's list, newest first
        builder.HasIndex(a => a.BeatId);
        // Lists newest first, for a department or nationally by status or category: the page of ids comes from these
        // indexes alone (a department's appeals are spread over the whole table, interleaved with everyone else's).
        builder.HasIndex(a => new { a.DepartmentId, a.Id });

        // The chief's figures (received, answered, on time, overdue, ratings) read every appeal of the department:
        // from this index alone, not from thousands of heap pages scattered over the table.
        builder.HasIndex(a => a.DepartmentId, "ix_appeals_department_figures")
            .IncludeProperties(a => new { a.PrecinctId, a.CategoryId, a.Status, a.RegisteredAt, a.DueDate, a.AnsweredAt, a.RatedAt, a.Rating });
        builder.HasIndex(a => new { a.CategoryId, a.Id });
        builder.HasIndex(a => new { a.Status, a.Id });

        // Full-text search over the number and the description (PostgreSQL tsvector, "simple" suits ru and kk alike).
        builder.HasGeneratedTsVectorColumn(a => a.SearchVector, "simple", a => new { a.RegistrationNumber, a.Description })
            .HasIndex(a => a.SearchVector).HasMethod("GIN");

        // A chief's search: the department and the words in one GIN scan (btree_gin), not two bitmaps intersected.
        builder.HasIndex(a => new { a.DepartmentId, a.SearchVector }).HasMethod("GIN");

        builder.HasOne(a => a.Department).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Precinct).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Beat).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AssignedOfficer).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Category).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_appeals_rating", "rating BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_appeals_anonymous", "NOT is_anonymous OR (applicant_name IS NULL AND applicant_phone IS NULL AND applicant_email IS NULL AND applicant_address IS NULL)");
        });
    }
}

public sealed class AppealEventConfiguration : IEntityTypeConfiguration<AppealEvent>
{
    public void Configure(EntityTypeBuilder<AppealEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(10000);
        builder.HasIndex(e => new { e.AppealId, e.At });
    }
}

public sealed class AppealCategoryConfiguration : IEntityTypeConfiguration<AppealCategory>
{
    public void Configure(EntityTypeBuilder<AppealCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.Property(c => c.NameRu).HasMaxLength(100);
        builder.Property(c => c.NameKk).HasMaxLength(100);
        builder.Property(c => c.NameTg).HasMaxLength(100);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasData(AppealCategories.Defaults);
    }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.Property(d => d.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasIndex(d => new { d.Jurisdiction, d.Date }).IsUnique();
    }
}

public sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> builder)
    {
        builder.HasKey(r => r.Jurisdiction);
        builder.Property(r => r.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.HasData(DeadlineRule.Defaults.Values);
    }
}

public sealed class AppealAttachmentConfiguration : IEntityTypeConfiguration<AppealAttachment>
{
    public void Configure(EntityTypeBuilder<AppealAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
        builder.HasOne<Appeal>().WithMany().HasForeignKey(a => a.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AppealId);
        builder.ToTable(t => t.HasCheckConstraint("ck_appeal_attachments_size", "size > 0 AND size <= 10485760"));
    }
}
