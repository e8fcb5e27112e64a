using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Admin;

/// <summary>
/// Staff accounts: create, set role and scope, lock, unlock, reset password or two-factor sign-in. Administrators only.
/// Any change to role, scope or lock renews the security stamp, which ends the user's open sessions.
/// </summary>
public sealed class UserAdminService(
    IDbContextFactory<AppDbContext> factory, AppDbContext identityDb, UserManager<ApplicationUser> users, CurrentUser currentUser,
    AuditLog audit, TimeProvider clock)
{
    public async Task<PageResult<UserRow>> ListAsync(UserListQuery query, CancellationToken ct = default)
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return new PageResult<UserRow>([], 0);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = db.Users.AsNoTracking().Select(u => new
        {
            User = u,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() ?? "",
        });
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search);
            rows = rows.Where(r => EF.Functions.ILike(r.User.Email!, pattern) || EF.Functions.ILike(r.User.FullName, pattern));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            rows = rows.Where(r => r.Role == query.Role);
        }

        var now = clock.GetUtcNow();
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.User.Email).Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(r => new UserRow(r.User.Id, r.User.Email!, r.User.FullName, r.Role,
                db.Departments.Where(d => d.Id == r.User.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                db.Precincts.Where(p => p.Id == r.User.PrecinctId).Select(p => p.Number + " · " + p.Name).FirstOrDefault(),
                r.User.LockoutEnd != null && r.User.LockoutEnd > now, r.User.LockoutEnd, r.User.TwoFactorEnabled))
            .ToListAsync(ct);
        return new PageResult<UserRow>(items, total);
    }

    public async Task<UserForm?> GetFormAsync(string id, CancellationToken ct = default)
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserForm
        {
            Id = u.Id,
            Email = u.Email!,
            FullName = u.FullName,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() ?? "",
            DepartmentId = u.DepartmentId,
            PrecinctId = u.PrecinctId,
            OfficerId = db.Officers.Where(o => o.UserId == u.Id).Select(o => (int?)o.Id).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
    }

    public async Task<SaveResult> SaveAsync(UserForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        if (form.OfficerId is { } officerId && !await identityDb.Officers.AnyAsync(o => o.Id == officerId && o.PrecinctId == form.PrecinctId, ct))
        {
            return SaveResult.Invalid(nameof(UserForm.OfficerId), "Validation.OfficerOfAnotherPost");
        }

        // UserManager works on the scoped context, whose state a second attempt could not rebuild: the unit runs
        // once under the execution strategy, and an outage is a notice to try again.
        try
        {
            return await DatabaseOutage.OnceAsync(identityDb, () => SaveUserAsync(form, ct));
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return SaveResult.Unavailable;
        }
    }

    private async Task<SaveResult> SaveUserAsync(UserForm form, CancellationToken ct)
    {
        identityDb.ChangeTracker.Clear();
        var isNew = form.Id is null;
        var user = isNew ? new ApplicationUser { LockoutEnabled = true, EmailConfirmed = true } : await users.FindByIdAsync(form.Id!);
        if (user is null)
        {
            return SaveResult.Missing;
        }

        // Every user gets exactly the scope fields of their role.
        user.UserName = user.Email = form.Email.Trim();
        user.FullName = form.FullName.Trim();
        user.DepartmentId = form.Role == Roles.StationChief ? form.DepartmentId : null;
        // A copy for the form and the list (checked above to be the linked officer's post): the scope reads the officer record.
        user.PrecinctId = form.Role == Roles.DistrictOfficer ? form.PrecinctId : null;

        await using var transaction = await identityDb.Database.BeginTransactionAsync(ct);
        var result = isNew ? await users.CreateAsync(user, form.Password!) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return SaveResult.Invalid(IdentityErrors(result));
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, form.Role);
        }

        await LinkOfficerAsync(user.Id, form.Role == Roles.DistrictOfficer ? form.OfficerId : null, ct);
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(0);
    }

    public Task<SaveResult> LockAsync(string id, CancellationToken ct = default) =>
        ChangeAsync(id, async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            return await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }, ct);

    public Task<SaveResult> UnlockAsync(string id, CancellationToken ct = default) =>
        ChangeAsync(id, async user =>
        {
            await users.ResetAccessFailedCountAsync(user);
            return await users.SetLockoutEndDateAsync(user, null);
        }, ct);

    public Task<SaveResult> ResetPasswordAsync(string id, string newPassword, CancellationToken ct = default) =>
        ChangeAsync(id, async user =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, newPassword);
        }, ct, errorField: "Password");

    /// <summary>
    /// A lost phone: the user's authenticator key and recovery codes stop working and two-factor sign-in is off
    /// until they set it up again (which their role may require at the next sign-in). The stamp change ends their sessions.
    /// </summary>
    public async Task<SaveResult> ResetTwoFactorAsync(string id, string? secret, CancellationToken ct = default)
    {
        // The administrator's own password or code first: an unattended admin session must not strip others' second factor.
        var scope = await currentUser.GetScopeAsync(ct);
        if (!scope.IsAdministrator)
        {
            return SaveResult.Missing;
        }

        identityDb.ChangeTracker.Clear();
        if (await users.FindByIdAsync(scope.UserId) is not { } admin)
        {
            return SaveResult.Missing;
        }

        if (await Reauthentication.CheckAsync(users, audit, admin, secret, "ResetTwoFactor", ct) is { } problem)
        {
            return SaveResult.Invalid(nameof(ReauthForm.Secret), problem);
        }

        var result = await ChangeAsync(id, async user =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            return await users.ResetAuthenticatorKeyAsync(user);
        }, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.TwoFactorReset, null, nameof(ApplicationUser), id, ct: ct);
        }

        return result;
    }

    private async Task<SaveResult> ChangeAsync(string id, Func<ApplicationUser, Task<IdentityResult>> change, CancellationToken ct,
        string errorField = "")
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        identityDb.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return SaveResult.Missing;
        }

        var result = await change(user);
        if (!result.Succeeded)
        {
            return SaveResult.Invalid(errorField, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.UpdateSecurityStampAsync(user);
        return SaveResult.Saved(0);
    }

    /// <summary>Links the account to at most one officer record, and that officer to at most one account.</summary>
    private async Task LinkOfficerAsync(string userId, int? officerId, CancellationToken ct)
    {
        var officers = await identityDb.Officers.Where(o => o.UserId == userId || o.Id == officerId).ToListAsync(ct);

        // An account the officer record is taken from loses its scope: its sessions end too.
        await SecurityStamps.RenewAsync(identityDb, [.. officers.Where(o => o.UserId is not null && o.UserId != userId).Select(o => o.UserId!)], ct);
        foreach (var officer in officers)
        {
            officer.UserId = officer.Id == officerId ? userId : null;
        }

        await identityDb.SaveChangesAsync(ct);
    }

    private static Dictionary<string, string> IdentityErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(UserForm.Password)
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserForm.Email)
                : "")
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description)));
}
