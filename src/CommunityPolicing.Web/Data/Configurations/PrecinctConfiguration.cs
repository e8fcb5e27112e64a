using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPolicing.Web.Data.Configurations;

public sealed class PrecinctConfiguration : IEntityTypeConfiguration<Precinct>
{
    public void Configure(EntityTypeBuilder<Precinct> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.ReceptionHours).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.DepartmentId, p.Number }).IsUnique();
        builder.HasOne(p => p.Department).WithMany(d => d.Precincts).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Equipment).WithOne().HasForeignKey(e => e.PrecinctId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_precincts_authorised_posts", "authorised_posts >= 0");
            t.HasCheckConstraint("ck_precincts_latitude", "latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_precincts_longitude", "longitude BETWEEN -180 AND 180");
        });
    }
}

public sealed class EquipmentItemConfiguration : IEntityTypeConfiguration<EquipmentItem>
{
    public void Configure(EntityTypeBuilder<EquipmentItem> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => new { e.PrecinctId, e.Kind }).IsUnique();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_equipment_items_planned", "planned >= 0");
            t.HasCheckConstraint("ck_equipment_items_installed", "installed >= 0");
        });
    }
}

public sealed class BeatConfiguration : IEntityTypeConfiguration<Beat>
{
    public void Configure(EntityTypeBuilder<Beat> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(2000);
        builder.Property(b => b.BoundaryGeoJson).HasColumnType("jsonb");
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasIndex(b => new { b.PrecinctId, b.Name }).IsUnique();
        builder.HasOne(b => b.Precinct).WithMany(p => p.Beats).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Officer).WithMany(o => o.Beats).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_beats_population", "population >= 0");
            t.HasCheckConstraint("ck_beats_households", "households >= 0");
        });
    }
}
