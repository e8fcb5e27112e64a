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
/// A feed carries times, places, briefing and staffing, never volunteers' names or phones. It lives only as long as its
/// owner may keep it: each fetch reads the owner's scope as it is now (a locked, removed, transferred or demoted owner,
/// a coordinator taken off the association: the link is gone) and shows only patrols that scope sees.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    private const int PastDays = 60;
    private const int FutureDays = 180;

    /// <summary>Active links of an association (or an officer) the user may manage.</summary>
    public async Task<IReadOnlyList<FeedLine>?> ListAsync(int? associationId, int? officerId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await MayManageAsync(db, await currentUser.GetScopeAsync(ct), associationId, officerId, ct))
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
        if (!await MayManageAsync(db, scope, associationId, officerId, ct))
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
        if (feed is null || !await MayManageAsync(db, await currentUser.GetScopeAsync(ct), feed.AssociationId, feed.OfficerId, ct))
        {
            return false;
        }

        feed.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The feed's calendar text; unknown for a token no link has, gone for a revoked link or one its owner may no longer keep.</summary>
    public async Task<FeedText> IcsAsync(string token, string baseUrl, IStringLocalizer l, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null)
        {
            return FeedText.Unknown;
        }

        var now = clock.GetUtcNow();
        var owner = await CurrentUser.ReadAsync(db, feed.CreatedByUserId, now, ct);
        if (feed.RevokedAt is not null || !await MayManageAsync(db, owner, feed.AssociationId, feed.OfficerId, ct))
        {
            return FeedText.Gone;
        }

        var patrols = db.Patrols.AsNoTracking().VisibleTo(owner)
            .Where(p => p.StartsAt >= now.AddDays(-PastDays) && p.StartsAt <= now.AddDays(FutureDays));
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

        return new FeedText(new CalendarSerializer().SerializeToString(calendar));
    }

    /// <summary>Associations: whoever edits them (their coordinators, the chief, administrators). Officers: themselves, their chief, administrators.</summary>
    private static async Task<bool> MayManageAsync(AppDbContext db, UserScope scope, int? associationId, int? officerId, CancellationToken ct)
    {
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

/// <summary>A feed's calendar, or why there is none: no such link (404), or a link that died (410: calendars stop asking).</summary>
public sealed record FeedText(string? Ics, bool IsGone = false)
{
    public static readonly FeedText Unknown = new(Ics: null);
    public static readonly FeedText Gone = new(Ics: null, IsGone: true);
}

public static class CalendarFeedEndpoints
{
    /// <summary>The feed itself: anonymous (phones fetch it without signing in), found only by its secret token.</summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService feeds, IStringLocalizer<SharedResource> l, HttpContext http,
            CancellationToken ct) =>
        {
            var feed = token.Length is < 40 or > 64 ? FeedText.Unknown : await feeds.IcsAsync(token, $"{http.Request.Scheme}://{http.Request.Host}", l, ct);
            if (feed.Ics is not { } ics)
            {
                return feed.IsGone ? Results.StatusCode(StatusCodes.Status410Gone) : Results.NotFound();
            }

            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
}
