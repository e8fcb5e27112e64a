using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.Property(o => o.FullName).HasMaxLength(200);
        builder.Property(o => o.Rank).HasMaxLength(100);
        builder.Property(o => o.BadgeNumber).HasMaxLength(30);
        builder.Property(o => o.Phone).HasMaxLength(30);
        builder.Property(o => o.Position).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.BadgeNumber).IsUnique();
        builder.HasIndex(o => o.UserId).IsUnique();
        builder.HasIndex(o => new { o.PrecinctId, o.FullName });
        builder.HasOne(o => o.Precinct).WithMany(p => p.Officers).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Precinct>().WithMany().HasForeignKey(u => u.PrecinctId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Role).HasMaxLength(40);
        builder.Property(a => a.OldValues).HasColumnType("jsonb");
        builder.Property(a => a.NewValues).HasColumnType("jsonb");
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
        builder.HasIndex(a => a.UserId);
    }
}
