using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Patrols;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>Downloads carry personal data: no browser, proxy or shared computer may keep a copy of one.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportCacheTests(TestApp app)
{
    /// <summary>GET endpoints that are not downloads; any other GET endpoint is an export and must be walked below.</summary>
    private static readonly string[] NotExports = ["/culture", "/health", "/health/live", "/health/ready"];

    [Fact]
    public async Task Every_export_answers_no_store()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int association;
        await using (var db = app.NewDbContext())
        {
            association = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        }

        long appealId;
        long attachmentId;
        string token;
        await using (var chief = await app.SignedInAsync(Demo.Chief))
        {
            var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
            byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
            appealId = (await appeals.CreateAsync(new AppealForm
            {
                CategoryId = 1,
                IsAnonymous = true,
                Description = "Шум во дворе, фото прилагаю",
                Attachments = [new AttachmentUpload("a.png", png)],
            })).Id;
            attachmentId = (await appeals.GetAsync(appealId))!.Attachments.Single().Id;
        }

        await using (var coordinator = await app.SignedInAsync(Demo.Coordinator))
        {
            token = (await coordinator.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(association, null))!;
        }

        var quarter = (today.Month + 2) / 3;
        var downloads = new (string Pattern, string? User, string Url)[]
        {
            ("/appeals/export.{format}", Demo.Chief, "/appeals/export.csv"),
            ("/appeals/export.{format}", Demo.Chief, "/appeals/export.xlsx"),
            ("/appeals/{id:long}/attachments/{attachmentId:long}", Demo.Chief, $"/appeals/{appealId}/attachments/{attachmentId}"),
            ("/associations/{id:int}/roster.{format}", Demo.Chief, $"/associations/{association}/roster.xlsx"),
            ("/associations/{id:int}/hours.{format}", Demo.Chief, $"/associations/{association}/hours.csv"),
            ("/patrols/export.{format}", Demo.Chief, $"/patrols/export.csv?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            ("/records/export.{format}", Demo.Chief, "/records/export.csv"),
            ("/dashboard/{table}.{format}", Demo.Chief, $"/dashboard/precincts.xlsx?from={today.AddDays(-90):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            ("/reports/quarter.xlsx", Demo.Chief, $"/reports/quarter.xlsx?year={today.Year}&quarter={quarter}"),
            ("/admin/person/export.json", Demo.Admin, "/admin/person/export.json?name=Ivanov"),
            ("/calendar/{token}.ics", null, $"/calendar/{token}.ics"),
        };

        // A new download added without being walked here fails the test, rather than escaping it.
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                && e.RoutePattern.RawText is { } raw && !raw.StartsWith("/open311/", StringComparison.Ordinal) && !raw.StartsWith("/_", StringComparison.Ordinal)
                && !raw.Contains("{**", StringComparison.Ordinal) && !NotExports.Contains(raw))
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText!)
            .ToHashSet();
        Assert.Subset(downloads.Select(d => d.Pattern).ToHashSet(), endpoints);

        var clients = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var (_, user, url) in downloads)
            {
                var client = user is null ? app.Factory.CreateClient() : clients.TryGetValue(user, out var signedIn) ? signedIn : clients[user] = await app.SignedInClientAsync(user);
                var response = await client.GetAsync(url);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }
}
