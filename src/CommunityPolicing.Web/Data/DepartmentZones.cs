using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommunityPolicing.Web.Data;

/// <summary>
/// A department's time zone: reference data read by most pages and saves ("today", local patrol times), set once per
/// department, so kept in memory for ten minutes instead of one more query each time.
/// </summary>
public sealed class DepartmentZones(IDbContextFactory<AppDbContext> factory, IMemoryCache cache)
{
    public async Task<string> OfAsync(int departmentId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(("zone", departmentId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Departments.Where(d => d.Id == departmentId).Select(d => d.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC";
        }))!;
}
