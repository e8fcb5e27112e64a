using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
        builder.Property(d => d.PlaceEn).HasMaxLength(100);
        builder.Property(d => d.PlaceRu).HasMaxLength(100);
        builder.Property(d => d.PlaceKk).HasMaxLength(100);
        builder.Property(d => d.PlaceTg).HasMaxLength(100);
        builder.Property(d => d.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.RegionId, d.Name }).IsUnique();
        builder.HasOne(d => d.Region).WithMany(r => r.Departments).OnDelete(DeleteBehavior.Restrict);
    }
}
