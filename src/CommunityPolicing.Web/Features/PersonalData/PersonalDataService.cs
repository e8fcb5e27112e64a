using System.Linq.Expressions;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CommunityPolicing.Web.Features.PersonalData;

/// <summary>Whom to look for: any of name, phone and e-mail; a record matches only when every given one it carries matches.</summary>
public sealed class PersonQuery
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(Text.OrNull(Name) is null && Text.OrNull(Phone) is null && Text.OrNull(Email) is null, nameof(Name), "Person.NeedOne")
        .MaxLength(nameof(Name), Name, 200)
        .When(Text.OrNull(Phone) is { } phone && !PhoneNumber.IsPlausible(phone), nameof(Phone), "Validation.Phone")
        .When(Text.OrNull(Email) is { } email && !EmailAddress.IsValid(email), nameof(Email), "Validation.Email");

    /// <summary>Lower case, single spaces: names are compared whole, never as a part of another name.</summary>
    internal string? NormalName => Text.OrNull(Name) is { } name ? Regex.Replace(name, @"\s+", " ").ToLowerInvariant() : null;

    internal string? NormalEmail => Text.OrNull(Email)?.ToLowerInvariant();

    /// <summary>The whole number normalised (<see cref="PhoneNumber.Normalise"/>), so +7 701 555 00 11 and 8 (701) 555-00-11 are one number.</summary>
    internal string? NormalPhone => Text.OrNull(Phone) is { } phone ? PhoneNumber.Normalise(phone) : null;
}

public sealed record PersonAppeal(long Id, string RegistrationNumber, DateTimeOffset RegisteredAt, AppealStatus Status, string? ApplicantName, string? ApplicantPhone, string? ApplicantEmail);

public sealed record PersonVolunteer(int Id, string FullName, DateOnly BirthDate, string? Phone, string Association);

public sealed record PersonAccount(string Id, string? Email, string FullName, string? Phone);

public sealed record PersonOfficer(int Id, string FullName, string BadgeNumber, string Precinct);

public sealed record PersonContact(int Id, string FullName, string? Phone, string Beat);

/// <summary>What the administrator sees before downloading: enough to tell the right person from a namesake.</summary>
public sealed record PersonMatches(
    IReadOnlyList<PersonAppeal> Appeals, IReadOnlyList<PersonVolunteer> Volunteers, IReadOnlyList<PersonAccount> Accounts,
    IReadOnlyList<PersonOfficer> Officers, IReadOnlyList<PersonContact> Contacts, int AuditEntries)
{
    public bool Any => Appeals.Count + Volunteers.Count + Accounts.Count + Officers.Count + Contacts.Count > 0;
}

/// <summary>
/// A data subject's request: everything held about one person, for the administrator (who answers such requests)
/// and only for them, every search and export audited. Included: appeals as applicant (with the timeline and the
/// attachments' names), association memberships (with training and patrols), user accounts, officer and beat-contact
/// records, and the audit rows about these records (with their values) or by these accounts (what they did to other
/// records, without those records' values: they are other people's data). Preventive records are not included and not
/// searched: they are police-only, kept for crime prevention (where the law lets the police restrict the subject's
/// access), and administrators never see them; the file says such requests go to the station chief, without saying
/// whether a record exists.
/// </summary>
public sealed class PersonalDataService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    /// <summary>More audit rows than this (an active officer's account) are cut, and the file says so.</summary>
    public const int MaxAuditEntries = 5000;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The records that match, or null for anyone but an administrator.</summary>
    public async Task<PersonMatches?> SearchAsync(PersonQuery query, CancellationToken ct = default)
    {
        if (query.Validate().Count > 0 || !(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var matches = await MatchAsync(db, query, ct);
        await audit.WriteAsync(AuditActions.Read, null, "Person", null, new { query.Name, query.Phone, query.Email, found = Counts(matches) }, ct: ct);
        return matches;
    }

    /// <summary>The subject export as indented UTF-8 JSON, or null for anyone but an administrator.</summary>
    public async Task<byte[]?> ExportAsync(PersonQuery query, CancellationToken ct = default)
    {
        if (query.Validate().Count > 0 || !(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await MatchAsync(db, query, ct);
        var appealIds = m.Appeals.Select(a => a.Id).ToList();
        var volunteerIds = m.Volunteers.Select(v => v.Id).ToList();
        var accountIds = m.Accounts.Select(a => a.Id).ToList();
        var officerIds = m.Officers.Select(o => o.Id).ToList();
        var contactIds = m.Contacts.Select(c => c.Id).ToList();

        var appeals = await db.Appeals.AsNoTracking().Where(a => appealIds.Contains(a.Id)).OrderBy(a => a.RegisteredAt)
            .Select(a => new
            {
                a.RegistrationNumber,
                a.RegisteredAt,
                Channel = a.Channel.ToString(),
                Category = a.Category!.NameEn,
                Department = a.Department!.Name,
                Precinct = a.Precinct!.Name,
                Status = a.Status.ToString(),
                a.IsAnonymous,
                a.ApplicantName,
                a.ApplicantPhone,
                a.ApplicantEmail,
                a.ApplicantAddress,
                a.Description,
                a.Address,
                a.Latitude,
                a.Longitude,
                a.PublishDetails,
                a.DueDate,
                a.Answer,
                a.AnsweredAt,
                a.RedirectedTo,
                a.ClosedAt,
                a.Rating,
                a.RatingComment,
                a.AnonymisedAt,
                Timeline = db.AppealEvents.Where(e => e.AppealId == a.Id).OrderBy(e => e.At)
                    .Select(e => new { e.At, Step = e.Kind.ToString(), By = e.UserName, e.Note }).ToList(),
                Attachments = db.AppealAttachments.Where(f => f.AppealId == a.Id)
                    .Select(f => new { f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToList(),
            })
            .ToListAsync(ct);
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).OrderBy(v => v.Id)
            .Select(v => new
            {
                v.FullName,
                v.BirthDate,
                v.Phone,
                v.Address,
                v.DocumentNumber,
                v.BadgeNumber,
                Association = v.Association!.Name,
                Status = v.Status.ToString(),
                v.StatusReason,
                v.JoinedOn,
                v.LeftOn,
                v.BackgroundCheckOn,
                v.BackgroundCheckPassed,
                v.ConsentOn,
                Trainings = db.TrainingAttendance.Where(t => t.VolunteerId == v.Id)
                    .Join(db.TrainingSessions, t => t.TrainingSessionId, s => s.Id, (t, s) => new { Topic = s.Topic.ToString(), s.HeldOn, t.Passed })
                    .OrderBy(t => t.HeldOn).ToList(),
                Patrols = db.PatrolParticipants.Where(p => p.VolunteerId == v.Id)
                    .Join(db.Patrols, p => p.PatrolId, p => p.Id, (p, patrol) => new { patrol.StartsAt, patrol.EndsAt, Status = patrol.Status.ToString(), p.Present, p.Hours })
                    .OrderBy(p => p.StartsAt).ToList(),
            })
            .ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                u.EmailConfirmed,
                u.FullName,
                u.PhoneNumber,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
                Department = db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Precinct = db.Precincts.Where(p => p.Id == u.PrecinctId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).OrderBy(o => o.Id)
            .Select(o => new { o.FullName, o.Rank, o.BadgeNumber, Position = o.Position.ToString(), Precinct = o.Precinct!.Name, o.Phone, o.LivesOnBeat })
            .ToListAsync(ct);
        var contacts = await db.BeatContacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.FullName, c.Role, c.Phone, c.Notes, Beat = db.Beats.Where(b => b.Id == c.BeatId).Select(b => b.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var records = Records(m);
        var auditRows = (await AuditAbout(db, m).OrderByDescending(a => a.Id).Take(MaxAuditEntries + 1).ToListAsync(ct))
            .Select(a => records.Contains((a.EntityType ?? "", a.EntityKey ?? ""))
                ? new { a.At, a.UserName, a.Action, a.EntityType, a.EntityKey, a.OldValues, a.NewValues }
                // What the person did as a user to someone else's record: the fact, not the other person's data.
                : new { a.At, a.UserName, a.Action, a.EntityType, a.EntityKey, OldValues = (string?)null, NewValues = (string?)null })
            .ToList();

        var file = new
        {
            ExportedAt = clock.GetUtcNow(),
            Query = new { query.Name, query.Phone, query.Email },
            Appeals = appeals,
            VolunteerMemberships = volunteers,
            UserAccounts = accounts,
            OfficerRecords = officers,
            BeatContacts = contacts,
            AuditEntries = auditRows.Take(MaxAuditEntries),
            AuditEntriesTruncated = auditRows.Count > MaxAuditEntries,
            NotIncluded = new[]
            {
                "Preventive records (police-only, kept for crime prevention) are not part of this export: such a request is answered by the station chief of the department.",
                "Attachments are listed by name and size; their contents are kept with the appeal.",
            },
        };
        await audit.WriteAsync(AuditActions.Export, null, "Person", null, new { query.Name, query.Phone, query.Email, exported = Counts(m) }, ct: ct);
        return JsonSerializer.SerializeToUtf8Bytes(file, Json);
    }

    private static object Counts(PersonMatches m) =>
        new { appeals = m.Appeals.Count, volunteers = m.Volunteers.Count, accounts = m.Accounts.Count, officers = m.Officers.Count, contacts = m.Contacts.Count };

    private static async Task<PersonMatches> MatchAsync(AppDbContext db, PersonQuery query, CancellationToken ct)
    {
        const int limit = 200;
        var appeals = await Matching(db.Appeals.AsNoTracking(), query, a => a.ApplicantName, a => a.ApplicantPhone, a => a.ApplicantEmail)
            .OrderBy(a => a.RegisteredAt).Take(limit)
            .Select(a => new PersonAppeal(a.Id, a.RegistrationNumber, a.RegisteredAt, a.Status, a.ApplicantName, a.ApplicantPhone, a.ApplicantEmail))
            .ToListAsync(ct);
        var volunteers = await Matching(db.Volunteers.AsNoTracking(), query, v => v.FullName, v => v.Phone, null)
            .OrderBy(v => v.Id).Take(limit)
            .Select(v => new PersonVolunteer(v.Id, v.FullName, v.BirthDate, v.Phone, v.Association!.Name))
            .ToListAsync(ct);
        var accounts = await Matching(db.Users.AsNoTracking(), query, u => u.FullName, u => u.PhoneNumber, u => u.Email)
            .OrderBy(u => u.Email).Take(limit)
            .Select(u => new PersonAccount(u.Id, u.Email, u.FullName, u.PhoneNumber))
            .ToListAsync(ct);
        var officers = await Matching(db.Officers.AsNoTracking(), query, o => o.FullName, o => o.Phone, null)
            .OrderBy(o => o.Id).Take(limit)
            .Select(o => new PersonOfficer(o.Id, o.FullName, o.BadgeNumber, o.Precinct!.Name))
            .ToListAsync(ct);
        var contacts = await Matching(db.BeatContacts.AsNoTracking(), query, c => c.FullName, c => c.Phone, null)
            .OrderBy(c => c.Id).Take(limit)
            .Select(c => new PersonContact(c.Id, c.FullName, c.Phone, db.Beats.Where(b => b.Id == c.BeatId).Select(b => b.Name).First()))
            .ToListAsync(ct);
        var matches = new PersonMatches(appeals, volunteers, accounts, officers, contacts, 0);
        return matches with { AuditEntries = await AuditAbout(db, matches).CountAsync(ct) };
    }

    private static HashSet<(string Type, string Key)> Records(PersonMatches m) =>
    [
        .. m.Appeals.Select(a => (nameof(Appeal), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        .. m.Volunteers.Select(v => (nameof(Volunteer), v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        .. m.Officers.Select(o => (nameof(Officer), o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        .. m.Contacts.Select(c => (nameof(BeatContact), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        .. m.Accounts.Select(a => (nameof(ApplicationUser), a.Id)),
    ];

    /// <summary>
    /// Audit rows about the matched records (their changes and reads) and by the matched accounts (sign-ins, failed
    /// sign-ins under the e-mail, and what they did).
    /// </summary>
    private static IQueryable<AuditEntry> AuditAbout(AppDbContext db, PersonMatches m)
    {
        var appeals = m.Appeals.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var volunteers = m.Volunteers.Select(v => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var officers = m.Officers.Select(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var contacts = m.Contacts.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var accounts = m.Accounts.Select(a => a.Id).ToList();
        var emails = m.Accounts.Where(a => a.Email != null).Select(a => a.Email!).ToList();
        return db.AuditEntries.AsNoTracking().Where(a =>
            (a.EntityType == nameof(Appeal) && appeals.Contains(a.EntityKey!))
            || (a.EntityType == nameof(Volunteer) && volunteers.Contains(a.EntityKey!))
            || (a.EntityType == nameof(Officer) && officers.Contains(a.EntityKey!))
            || (a.EntityType == nameof(BeatContact) && contacts.Contains(a.EntityKey!))
            || (a.EntityType == nameof(ApplicationUser) && accounts.Contains(a.EntityKey!))
            || accounts.Contains(a.UserId!)
            || (a.UserId == null && emails.Contains(a.UserName!)));
    }

    /// <summary>
    /// Records whose fields match every given criterion the kind of record carries (volunteers have no e-mail, so an
    /// e-mail alone finds none), compared in SQL: whole names and e-mails ignoring case, whole phone numbers normalised.
    /// </summary>
    private static IQueryable<T> Matching<T>(IQueryable<T> source, PersonQuery query, Expression<Func<T, string?>> name,
        Expression<Func<T, string?>>? phone, Expression<Func<T, string?>>? email)
    {
        var applied = false;
        if (query.NormalName is { } n)
        {
            // ICU's root collation folds Cyrillic and Kazakh letters too; the embedded cluster's C locale folds only ASCII.
            source = source.Where(Compose(name, v => v != null && EF.Functions.Collate(v, "und-x-icu").Trim().ToLower() == n));
            applied = true;
        }

        if (query.NormalPhone is { } number && phone is not null)
        {
            // Phones are stored as typed (digits, spaces, dashes, brackets, a leading plus: PhoneNumber.IsPlausible);
            // this is PhoneNumber.Normalise in SQL. A number that merely ends alike is another person's.
            var domestic = number.Length == 11 && number[0] == '7' ? "8" + number[1..] : null;
            source = source.Where(Compose(phone, v => v != null
                && (v.Replace(" ", "").Replace("-", "").Replace("(", "").Replace(")", "").Replace("+", "") == number
                    || (domestic != null && !v.Trim().StartsWith("+")
                        && v.Replace(" ", "").Replace("-", "").Replace("(", "").Replace(")", "") == domestic))));
            applied = true;
        }

        if (query.NormalEmail is { } e && email is not null)
        {
            source = source.Where(Compose(email, v => v != null && v.Trim().ToLower() == e));
            applied = true;
        }

        return applied ? source : source.Where(_ => false);
    }

    private static Expression<Func<T, bool>> Compose<T>(Expression<Func<T, string?>> field, Expression<Func<string?, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(test.Parameters[0], field.Body, test.Body), field.Parameters);
}
