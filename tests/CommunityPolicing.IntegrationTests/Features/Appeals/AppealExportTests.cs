using System.Net;
using System.Text;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityPolicing.IntegrationTests.Features.Appeals;

[Collection(AppCollection.Name)]
public sealed class AppealExportTests(TestApp app)
{
    [Fact]
    public async Task The_chiefs_csv_has_the_departments_appeals_with_applicants_and_a_byte_order_mark()
    {
        using var client = await app.SignedInClientAsync(Demo.Chief);
        await using var db = app.NewDbContext();
        var expected = await db.Appeals.CountAsync(a => a.Department!.Name == Demo.TarazDepartment);

        var bytes = await client.GetByteArrayAsync("/appeals/export.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("ФИО", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.UserName == Demo.Chief));
    }

    [Fact]
    public async Task The_administrators_export_leaves_out_applicants_personal_data()
    {
        using var client = await app.SignedInClientAsync(Demo.Admin);
        await using var db = app.NewDbContext();
        var names = await db.Appeals.Where(a => a.ApplicantName != null).Select(a => a.ApplicantName!).Distinct().ToListAsync();

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/appeals/export.csv"));

        Assert.DoesNotContain("ФИО", csv.Split('\n')[0]);
        Assert.DoesNotContain(names, csv.Contains);
    }

    [Fact]
    public async Task The_officers_xlsx_follows_the_filters_and_the_scope()
    {
        using var client = await app.SignedInClientAsync(Demo.Officer17);
        await using var db = app.NewDbContext();
        var expected = await db.Appeals.CountAsync(a => a.Precinct!.Number == "17" && a.Precinct.Department!.Name == Demo.TarazDepartment
            && !a.Category!.IsComplaintAboutOfficer && a.Status == AppealStatus.Answered);

        var response = await client.GetAsync("/appeals/export.xlsx?Status=Answered");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).ToList();
        Assert.Equal(expected, rows.Count);
    }

    [Fact]
    public async Task Coordinators_get_no_export()
    {
        using var client = await app.SignedInClientAsync(Demo.Coordinator);

        var response = await client.GetAsync("/appeals/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
