using System.Security.Cryptography;
using CommunityPolicing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Ends the open sessions of accounts whose scope a save changes (a transfer, a coordinator taken off an association):
/// a new security stamp, saved with the change, makes the cookie fail its next stamp check and the circuit its next
/// revalidation, both within a minute. Identity's own changes (role, lock) use UserManager.UpdateSecurityStampAsync.
/// </summary>
public static class SecurityStamps
{
    /// <summary>Gives the accounts new stamps in the context's change tracker; the caller's save writes them with its change.</summary>
    public static async Task<IReadOnlyList<ApplicationUser>> RenewAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        foreach (var user in users)
        {
            user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)); // Identity's stamp is 160 random bits too
            user.ConcurrencyStamp = Guid.NewGuid().ToString(); // as UserManager does on every update
        }

        return users;
    }
}
