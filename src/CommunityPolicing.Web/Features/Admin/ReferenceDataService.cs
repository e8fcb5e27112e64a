using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Admin;

/// <summary>Administrators keep the appeal categories and each jurisdiction's work calendar.</summary>
public sealed class ReferenceDataService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<AppealCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AppealCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
    }

    public async Task<SaveResult> SaveCategoryAsync(AppealCategory form, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Required(nameof(form.Code), form.Code).MaxLength(nameof(form.Code), form.Code, 40)
            .When(form.Code.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')), nameof(form.Code), "Validation.Code")
            .Required(nameof(form.NameEn), form.NameEn).MaxLength(nameof(form.NameEn), form.NameEn, 100)
            .Required(nameof(form.NameRu), form.NameRu).MaxLength(nameof(form.NameRu), form.NameRu, 100)
            .Required(nameof(form.NameKk), form.NameKk).MaxLength(nameof(form.NameKk), form.NameKk, 100)
            .Required(nameof(form.NameTg), form.NameTg).MaxLength(nameof(form.NameTg), form.NameTg, 100);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var category = form.Id == 0 ? db.AppealCategories.Add(new AppealCategory { Code = "", NameEn = "", NameRu = "", NameKk = "", NameTg = "" }).Entity
            : await db.AppealCategories.FirstOrDefaultAsync(c => c.Id == form.Id, ct);
        if (category is null)
        {
            return SaveResult.Missing;
        }

        category.Code = form.Code.Trim();
        category.NameEn = form.NameEn.Trim();
        category.NameRu = form.NameRu.Trim();
        category.NameKk = form.NameKk.Trim();
        category.NameTg = form.NameTg.Trim();
        category.IsComplaintAboutOfficer = form.IsComplaintAboutOfficer;
        category.IsPublic = form.IsPublic && !form.IsComplaintAboutOfficer; // complaints about officers are never published
        category.Active = form.Active;
        category.SortOrder = form.SortOrder;
        return await SaveResult.SaveAsync(db, () => category.Id, nameof(form.Code), ct);
    }

    public async Task<IReadOnlyList<CalendarDay>> CalendarAsync(Jurisdiction jurisdiction, int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Jurisdiction == jurisdiction && d.Date >= from && d.Date <= to)
            .OrderBy(d => d.Date).ToListAsync(ct);
    }

    public async Task<SaveResult> AddCalendarDayAsync(CalendarDay day, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required(nameof(day.Name), day.Name).MaxLength(nameof(day.Name), day.Name, 100)
            .When(day.Kind == CalendarDayKind.WorkingDay && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                nameof(day.Date), "Validation.WorkingDayOnWeekend");
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var added = db.CalendarDays.Add(new CalendarDay { Jurisdiction = day.Jurisdiction, Date = day.Date, Kind = day.Kind, Name = day.Name.Trim() }).Entity;
        return await SaveResult.SaveAsync(db, () => added.Id, nameof(day.Date), ct);
    }

    public async Task<SaveResult> RemoveCalendarDayAsync(int id, CancellationToken ct = default)
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return SaveResult.Missing;
        }

        db.CalendarDays.Remove(day);
        return await SaveResult.SaveAsync(db, () => id, null, ct);
    }

    public async Task<IReadOnlyList<TrainingTopicRule>> TopicRulesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.TrainingTopicRules.AsNoTracking().OrderBy(r => r.Topic).ToListAsync(ct);
    }

    /// <summary>How long each training topic counts and whether patrolling needs it.</summary>
    public async Task<SaveResult> SaveTopicRuleAsync(TrainingTopicRule rule, CancellationToken ct = default)
    {
        if (rule.ValidityMonths is < 1 or > 120)
        {
            return SaveResult.Invalid(nameof(rule.ValidityMonths), "Validation.Range");
        }

        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.TrainingTopicRules.FirstAsync(r => r.Topic == rule.Topic, ct);
        stored.ValidityMonths = rule.ValidityMonths;
        stored.RequiredForPatrol = rule.RequiredForPatrol;
        return await SaveResult.SaveAsync(db, () => 0, null, ct);
    }
}
