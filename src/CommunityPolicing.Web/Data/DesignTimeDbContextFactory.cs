using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityPolicing.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql("Host=localhost;Database=design_time")
        .UseSnakeCaseNamingConvention()
        .Options);
}
