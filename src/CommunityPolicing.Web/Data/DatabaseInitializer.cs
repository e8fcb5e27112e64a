using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data;

/// <summary>
/// Applies migrations and the reference data at start-up, before the app serves requests, and gives an
/// empty database the demo data when Seed:Demo is on. Production refuses to run with demo accounts.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Reference data every installation needs: the Kazakh work calendar, editable by administrators.
            if (!await db.CalendarDays.AnyAsync(d => d.Jurisdiction == Jurisdiction.Kazakhstan, cancellationToken))
            {
                db.CalendarDays.AddRange(KazakhstanCalendar.Days());
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (SeedDemo(configuration, environment))
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        if (environment.IsProduction())
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(DemoSeeder.NormalizedDomain), cancellationToken))
            {
                throw new InvalidOperationException(
                    "Demo accounts (@demo.local) exist in a Production database. Remove them before running in Production.");
            }
        }

        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static bool SeedDemo(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Seed:Demo", environment.IsDevelopment());
}
