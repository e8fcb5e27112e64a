using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommunityPolicing.Web.Data;

/// <summary>
/// Contexts for one scope (a request or a circuit), taken from the app's pool: a new context sets up EF's services
/// for itself on its first query, which cost more than many of our statements. Each is lent with the scope's user,
/// whom the audit trail records.
/// </summary>
public sealed class ScopedDbContextFactory(PooledDbContextFactory<AppDbContext> pool, PrincipalAccessor principals) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.Actor = principals;
        return db;
    }
}
