using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.PersonalData;

/// <summary>The data subject's file: GET /admin/person/export.json?name=&amp;phone=&amp;email=, administrators only.</summary>
public static class PersonExport
{
    public static string Link(PersonQuery query) => "/admin/person/export.json?" + string.Join("&",
        new[] { ("name", query.Name), ("phone", query.Phone), ("email", query.Email) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));

    public static void MapPersonExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/person/export.json", async (string? name, string? phone, string? email, PersonalDataService people,
            IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new PersonQuery { Name = name, Phone = phone, Email = email };
            var errors = query.Validate();
            if (errors.Count > 0)
            {
                return Results.BadRequest(string.Join(" ", errors.Values.Distinct().Select(key => l[key].Value)));
            }

            var file = await people.ExportAsync(query, ct);
            return file is null
                ? Results.Forbid()
                : Results.File(file, "application/json; charset=utf-8", $"personal-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
        }).RequireAuthorization(Policies.Admin);
}
