using System.Globalization;
using System.Text.Json.Serialization;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) in JSON. Categories are the services; an appeal is a
/// service request whose id is its registration number. GET never returns personal data, and description,
/// address and location only for appeals whose applicant allowed publishing them. Only published categories
/// (<see cref="AppealCategory.IsPublished"/>: public, never complaints about officers) are services, and only their
/// appeals are requests: anything else is "not found", in lists, single reads and POSTs alike.
/// </summary>
public static class Open311Endpoints
{
    private const int MaxResults = 1000;

    public static void MapOpen311(this IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup("/open311/v2").AllowAnonymous().DisableAntiforgery();

        // The database unreachable after the execution strategy's retries: 503 in the spec's error list, not a 500.
        v2.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                return Error(503, "the database is unavailable; retry later (a POST with the same Idempotency-Key)");
            }
        });
        v2.MapGet("/discovery.json", (HttpContext http) => Results.Json(new Discovery(
            "2026-11-23T00:00:00Z", "Community policing service desk",
            [new DiscoveryEndpoint("http://wiki.open311.org/GeoReport_v2", $"{http.Request.Scheme}://{http.Request.Host}/open311/v2", "2026-11-23T00:00:00Z", "production", ["application/json"])])));

        v2.MapGet("/services.json", async (IDbContextFactory<AppDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var services = await Published(db.AppealCategories.AsNoTracking()).Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(ct);
            return Results.Json(services.Select(Service));
        });

        v2.MapGet("/services/{code}.json", async (string code, IDbContextFactory<AppDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await Published(db.AppealCategories.AsNoTracking()).AnyAsync(c => c.Code == code && c.Active, ct)
                ? Results.Json(new ServiceDefinition(code, []))
                : Error(404, "service_code not found"); // not echoed: the answer says nothing about what was asked
        });

        v2.MapGet("/requests.json", async ([AsParameters] RequestQuery query, IDbContextFactory<AppDbContext> factory, TimeProvider clock, CancellationToken ct) =>
        {
            if (query.Status is not (null or "open" or "closed"))
            {
                return Error(400, "status must be open or closed");
            }

            if (Text.IsUnstorable(query.ServiceCode) || Text.IsUnstorable(query.ServiceRequestId))
            {
                return Error(400, "service_code and service_request_id must be text without NUL");
            }

            if (!TryDate(query.StartDate, out var start) || !TryDate(query.EndDate, out var end))
            {
                return Error(400, "start_date and end_date must be W3C date-times");
            }

            await using var db = await factory.CreateDbContextAsync(ct);
            var appeals = Published(db.Appeals.AsNoTracking());
            if (!string.IsNullOrWhiteSpace(query.ServiceRequestId))
            {
                var ids = query.ServiceRequestId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                appeals = appeals.Where(a => ids.Contains(a.RegistrationNumber));
            }
            else
            {
                // The spec's default window: the last 90 days.
                var from = start ?? clock.GetUtcNow().AddDays(-90);
                appeals = appeals.Where(a => a.RegisteredAt >= from);
                if (end is { } to)
                {
                    appeals = appeals.Where(a => a.RegisteredAt <= to);
                }
            }

            if (!string.IsNullOrWhiteSpace(query.ServiceCode))
            {
                var codes = query.ServiceCode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                appeals = appeals.Where(a => codes.Contains(a.Category!.Code));
            }

            if (query.Status is { } status)
            {
                appeals = status == "open"
                    ? appeals.Where(a => AppealWorkflow.Open.Contains(a.Status))
                    : appeals.Where(a => !AppealWorkflow.Open.Contains(a.Status));
            }

            return Results.Json(await ProjectAsync(appeals.OrderByDescending(a => a.Id).Take(MaxResults), ct));
        });

        v2.MapGet("/requests/{id}.json", async (string id, IDbContextFactory<AppDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var found = await ProjectAsync(Published(db.Appeals.AsNoTracking()).Where(a => a.RegistrationNumber == id), ct);
            return found.Count == 0 ? Error(404, "service_request_id not found") : Results.Json(found);
        });

        v2.MapPost("/requests.json", async ([FromForm] CreateRequest? request, AppealService appeals, IDbContextFactory<AppDbContext> factory,
            IConfiguration configuration, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct) =>
        {
            if (request is null)
            {
                return Error(400, "the request must be form data (application/x-www-form-urlencoded)");
            }

            var keys = configuration.GetSection("Open311:ApiKeys").Get<string[]>() ?? [];
            if (keys.Length > 0 && !keys.Contains(request.api_key))
            {
                return Error(403, "api_key is missing or not valid");
            }

            if (!TryNumber(request.lat, out var lat) || !TryNumber(request.@long, out var lon))
            {
                return Error(400, "lat and long must be decimal degrees");
            }

            await using var db = await factory.CreateDbContextAsync(ct);
            // Only the services listed: a client cannot file into a category whose requests it could never read back.
            var category = await Published(db.AppealCategories.AsNoTracking()).FirstOrDefaultAsync(c => c.Code == request.service_code && c.Active, ct);
            if (category is null)
            {
                return Error(400, "service_code is missing or unknown");
            }

            var name = string.Join(' ', new[] { request.first_name, request.last_name }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var form = new AppealForm
            {
                Channel = AppealChannel.Open311,
                CategoryId = category.Id,
                Description = request.description ?? "",
                Address = request.address_string,
                Latitude = lat,
                Longitude = lon,
                DepartmentId = int.TryParse(request.jurisdiction_id, CultureInfo.InvariantCulture, out var department) ? department : 0,
                IsAnonymous = name.Length == 0,
                ApplicantName = name.Length == 0 ? null : name,
                ApplicantEmail = name.Length == 0 ? null : request.email,
                ApplicantPhone = name.Length == 0 ? null : request.phone,
                // GeoReport v2 has no client request id: a client that retries sends the same Idempotency-Key header.
                IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : "open311:" + idempotencyKey.Trim(),
                // The key is the client's: the same key from another api_key (or, without one, another address) is refused.
                IdempotencyClient = string.IsNullOrEmpty(request.api_key) ? $"address:{http.Connection.RemoteIpAddress}" : $"api_key:{request.api_key}",
            };
            var (result, code) = await appeals.SubmitPublicAsync(form, ct);
            if (result.Errors.TryGetValue("", out var general) && general == "Database.Unavailable")
            {
                return Error(503, "the database is unavailable; retry later with the same Idempotency-Key");
            }

            if (result.Errors.TryGetValue("", out var reused) && reused == AppealService.IdempotencyKeyReused)
            {
                return Error(422, "Idempotency-Key was already used for a different request; send a new key for a new request");
            }

            if (!result.Succeeded)
            {
                return Error(400, string.Join("; ", result.Errors.Select(e => $"{Open311Field(e.Key)}: {e.Value}")));
            }

            var number = await db.Appeals.Where(a => a.TrackingCode == code).Select(a => a.RegistrationNumber).FirstAsync(ct);
            return Results.Json(new[] { new CreatedRequest(number, $"Keep the tracking code {code} to follow the answer on the public portal.", null) });
        }).RequireRateLimiting(PublicLimits.Policy);
    }

    /// <summary>The categories Open311 publishes (the rule of <see cref="AppealCategory.IsPublished"/>, in SQL).</summary>
    private static IQueryable<AppealCategory> Published(IQueryable<AppealCategory> categories) =>
        categories.Where(c => c.IsPublic && !c.IsComplaintAboutOfficer);

    /// <summary>The appeals of published categories: complaints about officers and non-public categories never leave.</summary>
    private static IQueryable<Appeal> Published(IQueryable<Appeal> appeals) =>
        appeals.Where(a => a.Category!.IsPublic && !a.Category.IsComplaintAboutOfficer);

    private static async Task<List<ServiceRequest>> ProjectAsync(IQueryable<Appeal> appeals, CancellationToken ct) =>
        (await appeals.Select(a => new
        {
            a.RegistrationNumber,
            a.Status,
            a.StatusNote,
            a.Category!.Code,
            a.Category.NameEn,
            a.PublishDetails,
            a.Description,
            Agency = a.Precinct == null ? a.Department!.Name : a.Precinct.Name,
            a.RegisteredAt,
            Updated = a.Events.Max(e => (DateTimeOffset?)e.At),
            a.DueDate,
            a.Address,
            a.Latitude,
            a.Longitude,
            a.Department!.TimeZoneId,
        }).ToListAsync(ct))
        .Select(a => new ServiceRequest(
            a.RegistrationNumber,
            AppealWorkflow.IsOpen(a.Status) ? "open" : "closed",
            a.StatusNote, a.NameEn, a.Code, a.PublishDetails ? a.Description : null, a.Agency, null,
            a.RegisteredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            (a.Updated ?? a.RegisteredAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            EndOfDay(a.DueDate, a.TimeZoneId),
            a.PublishDetails ? a.Address : null, null,
            a.PublishDetails ? a.Latitude : null, a.PublishDetails ? a.Longitude : null, null))
        .ToList();

    private static string EndOfDay(DateOnly date, string zone)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static ServiceSummary Service(AppealCategory c) =>
        new(c.Code, c.NameEn, $"{c.NameRu} / {c.NameKk}", false, "realtime", c.Code, "public-order");

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        value = ok ? parsed : null;
        return ok;
    }

    private static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed);
        value = ok ? parsed : null;
        return ok;
    }

    private static string Open311Field(string field) => field switch
    {
        "Description" => "description",
        "Latitude" => "lat",
        "Longitude" => "long",
        "DepartmentId" => "jurisdiction_id (the location is outside every beat: name the department)",
        "ApplicantEmail" => "email",
        "ApplicantPhone" => "phone",
        "ApplicantName" => "first_name",
        "IdempotencyKey" => "Idempotency-Key (header)",
        _ => field.ToLowerInvariant(),
    };

    private static IResult Error(int status, string description) =>
        Results.Json(new[] { new Open311Error(status, description) }, statusCode: status);

    public sealed record Discovery(string changeset, string contact, IReadOnlyList<DiscoveryEndpoint> endpoints);

    public sealed record DiscoveryEndpoint(string specification, string url, string changeset, string type, IReadOnlyList<string> formats);

    public sealed record ServiceSummary(string service_code, string service_name, string description, bool metadata, string type, string keywords, string group);

    public sealed record ServiceDefinition(string service_code, IReadOnlyList<object> attributes);

    public sealed record Open311Error(int code, string description);

    public sealed record CreatedRequest(string service_request_id, string service_notice, string? account_id);

    public sealed record ServiceRequest(
        string service_request_id, string status, string? status_notes, string service_name, string service_code, string? description,
        string agency_responsible, string? service_notice, string requested_datetime, string updated_datetime, string expected_datetime,
        string? address, string? address_id, double? lat, [property: JsonPropertyName("long")] double? @long, string? media_url);

    public sealed class RequestQuery
    {
        [FromQuery(Name = "service_request_id")] public string? ServiceRequestId { get; set; }
        [FromQuery(Name = "service_code")] public string? ServiceCode { get; set; }
        [FromQuery(Name = "status")] public string? Status { get; set; }
        [FromQuery(Name = "start_date")] public string? StartDate { get; set; }
        [FromQuery(Name = "end_date")] public string? EndDate { get; set; }
    }

    public sealed class CreateRequest
    {
        public string? api_key { get; set; }
        public string? jurisdiction_id { get; set; }
        public string? service_code { get; set; }
        public string? lat { get; set; }
        public string? @long { get; set; }
        public string? address_string { get; set; }
        public string? description { get; set; }
        public string? email { get; set; }
        public string? first_name { get; set; }
        public string? last_name { get; set; }
        public string? phone { get; set; }
        public string? media_url { get; set; }
    }
}
