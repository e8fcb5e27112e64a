using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Patrols;

/// <summary>
/// iCalendar (RFC 5545) feeds of an association's or an officer's patrols behind a secret link, so people see their
/// schedule in their phone's calendar. The link is the only credential: it is shown once, stored as a hash, revocable.
/// A feed carries times, places, briefing and staffing, never volunteers' names or phones.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    private const int PastDays = 60;
    private const int FutureDays = 180;

    /// <summary>Active links of an association (or an officer) the user may manage.</summary>
    public async Task<IReadOnlyList<FeedLine>?> ListAsync(int? associationId, int? officerId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await MayManageAsync(db, associationId, officerId, ct))
        {
            return null;
        }

        return await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.RevokedAt == null && f.AssociationId == associationId && f.OfficerId == officerId)
            .OrderByDescending(f => f.CreatedAt)
            .Select(f => new FeedLine(f.Id, f.CreatedAt, db.Users.Where(u => u.Id == f.CreatedByUserId).Select(u => u.FullName).First()))
            .ToListAsync(ct);
    }

    /// <summary>Creates a link and returns its token (shown to the user once), or null when the user may not.</summary>
    public async Task<string?> CreateAsync(int? associationId, int? officerId, CancellationToken ct = default)
    {
        if ((associationId is null) == (officerId is null))
        {
            return null;
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await MayManageAsync(db, associationId, officerId, ct))
        {
            return null;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.CalendarFeeds.Add(new CalendarFeed
        {
            TokenHash = Hash(token),
            AssociationId = associationId,
            OfficerId = officerId,
            CreatedByUserId = scope.UserId,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeAsync(int feedId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && f.RevokedAt == null, ct);
        if (feed is null || !await MayManageAsync(db, feed.AssociationId, feed.OfficerId, ct))
        {
            return false;
        }

        feed.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The feed's calendar text, or null for an unknown or revoked link.</summary>
    public async Task<string?> IcsAsync(string token, string baseUrl, IStringLocalizer l, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var patrols = db.Patrols.AsNoTracking().Where(p => p.StartsAt >= now.AddDays(-PastDays) && p.StartsAt <= now.AddDays(FutureDays));
        patrols = feed.AssociationId is { } association
            ? patrols.Where(p => p.AssociationId == association)
            : patrols.Where(p => p.Participants.Any(x => x.OfficerId == feed.OfficerId));
        var rows = await patrols.OrderBy(p => p.StartsAt).Take(1000)
            .Select(p => new
            {
                p.Id,
                p.StartsAt,
                p.EndsAt,
                p.Status,
                p.MeetingPoint,
                p.Route,
                p.Briefing,
                Precinct = p.Precinct!.Name,
                p.Version,
                Association = p.Association == null ? null : p.Association.Name,
                Officers = p.Participants.Where(x => x.OfficerId != null).Select(x => x.Officer!.FullName).ToList(),
                Volunteers = p.Participants.Count(x => x.VolunteerId != null && x.Response == ParticipantResponse.Confirmed),
            })
            .ToListAsync(ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//CommunityPolicing//Joint patrols//RU" };
        calendar.AddProperty("X-WR-CALNAME", l["Nav.Patrols"]);
        foreach (var p in rows)
        {
            var description = new StringBuilder()
                .AppendLine(string.Join(", ", p.Officers))
                .AppendLine(l["Patrols.Staffing", p.Officers.Count, p.Volunteers, p.Volunteers]);
            if (p.Route is not null)
            {
                description.AppendLine($"{l["Patrol.Route"]}: {p.Route}");
            }

            if (p.Briefing is not null)
            {
                description.AppendLine($"{l["Patrol.Briefing"]}: {p.Briefing}");
            }

            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"patrol-{p.Id.ToString(CultureInfo.InvariantCulture)}@communitypolicing",
                DtStart = new CalDateTime(p.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(p.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
                Sequence = (int)(p.Version % int.MaxValue),
                Summary = $"{l["Nav.Patrols"]}: {p.Precinct}{(p.Association is null ? "" : $" · {p.Association}")}",
                Location = p.MeetingPoint,
                Description = description.ToString().TrimEnd(),
                Url = new Uri($"{baseUrl}/patrols/{p.Id}"),
                Status = p.Status switch
                {
                    PatrolStatus.Cancelled => EventStatus.Cancelled,
                    PatrolStatus.Planned => EventStatus.Tentative,
                    _ => EventStatus.Confirmed,
                },
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>Associations: whoever edits them (their coordinators, the chief, administrators). Officers: themselves, their chief, administrators.</summary>
    private async Task<bool> MayManageAsync(AppDbContext db, int? associationId, int? officerId, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (associationId is { } a)
        {
            var department = await db.Associations.Where(x => x.Id == a).Select(x => (int?)x.DepartmentId).FirstOrDefaultAsync(ct);
            return department is { } d && (scope.CanEditDepartment(d) || (scope.IsCoordinator && scope.AssociationIds.Contains(a)));
        }

        if (officerId is { } o)
        {
            var department = await db.Officers.Where(x => x.Id == o).Select(x => (int?)x.Precinct!.DepartmentId).FirstOrDefaultAsync(ct);
            return department is { } d && (scope.CanEditDepartment(d) || scope.OfficerId == o);
        }

        return false;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

public static class CalendarFeedEndpoints
{
    /// <summary>The feed itself: anonymous (phones fetch it without signing in), found only by its secret token.</summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService feeds, IStringLocalizer<SharedResource> l, HttpContext http,
            CancellationToken ct) =>
        {
            if (token.Length is < 40 or > 64 || await feeds.IcsAsync(token, $"{http.Request.Scheme}://{http.Request.Host}", l, ct) is not { } ics)
            {
                return Results.NotFound();
            }

            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
}
