using System.Net;
using System.Text;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Patrols;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static CommunityPolicing.IntegrationTests.Features.Patrols.PatrolFixture;

namespace CommunityPolicing.IntegrationTests.Features.Patrols;

[Collection(AppCollection.Name)]
public sealed class PatrolExportTests(TestApp app)
{
    [Fact]
    public async Task The_schedule_export_has_the_periods_patrols_in_the_users_scope()
    {
        var from = Today.AddDays(-35);
        var to = Today.AddDays(21);
        await using var db = app.NewDbContext();
        var visible = await db.Patrols.CountAsync(p => p.AssociationId != null && db.AssociationCoordinators.Any(c => c.AssociationId == p.AssociationId
            && db.Users.Any(u => u.Id == c.UserId && u.Email == Demo.Coordinator)) && p.Date >= from && p.Date <= to);
        var client = await app.SignedInClientAsync(Demo.Coordinator);

        var response = await client.GetAsync($"/patrols/export.csv?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(visible + 1, lines.Length); // with the header
        Assert.DoesNotContain(lines, l => l.Contains("Молодёжный"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/patrols/export.csv")).StatusCode);
    }

    [Fact]
    public async Task Hours_per_member_are_exported_for_the_association()
    {
        await using var db = app.NewDbContext();
        var association = await db.Associations.Where(a => a.Name == "Соседский дозор мкр. Самал").Select(a => a.Id).SingleAsync();
        var yearStart = new DateOnly(Today.Year, 1, 1);
        var expected = await db.PatrolParticipants
            .Where(x => x.Present == true && x.Volunteer!.AssociationId == association && x.Volunteer.Status != VolunteerStatus.Left
                && db.Patrols.Any(p => p.Id == x.PatrolId && p.Status == PatrolStatus.Completed && p.Date >= yearStart && p.Date <= Today))
            .SumAsync(x => x.Hours);
        var client = await app.SignedInClientAsync(Demo.Coordinator);

        using var xlsx = new MemoryStream(await client.GetByteArrayAsync($"/associations/{association}/hours.xlsx"));

        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(await db.Volunteers.CountAsync(v => v.AssociationId == association && v.Status != VolunteerStatus.Left), rows.Count);
        Assert.True(expected > 0);
        Assert.Equal(expected, rows.Sum(r => decimal.Parse($"{r.Values.Last()}", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Coverage_lists_beats_without_a_completed_patrol_in_the_period()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var coverage = await scope.ServiceProvider.GetRequiredService<PatrolService>().CoverageAsync(1000);
        await using var db = app.NewDbContext();
        var since = Today.AddDays(-14);
        var covered = await db.Beats.Where(b => b.Precinct!.Department!.Name == Demo.TarazDepartment)
            .Where(b => db.Patrols.Any(p => p.Status == PatrolStatus.Completed && p.Date >= since && p.Beats.Any(x => x.Id == b.Id)))
            .Select(b => b.Id).ToListAsync();
        var department = await db.Beats.CountAsync(b => b.Precinct!.Department!.Name == Demo.TarazDepartment);

        Assert.NotEmpty(covered);
        Assert.DoesNotContain(coverage.Items, row => covered.Contains(row.BeatId));
        Assert.Equal(department - covered.Count, coverage.Total);
    }

    [Fact]
    public async Task The_month_report_adds_up_the_months_patrols_and_each_members_hours()
    {
        await using var db = app.NewDbContext();
        var association = await db.Associations.Where(a => a.Name == "Соседский дозор мкр. Самал").Select(a => a.Id).SingleAsync();
        var month = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1); // a whole month of demo patrols, all reported
        var completed = db.Patrols.Where(p => p.AssociationId == association && p.Status == PatrolStatus.Completed && p.Date >= month && p.Date < month.AddMonths(1));
        var expectedPatrols = await completed.CountAsync();
        var expectedHours = await db.PatrolParticipants.Where(x => x.VolunteerId != null && x.Present == true && completed.Any(p => p.Id == x.PatrolId)).SumAsync(x => x.Hours);
        await using var scope = await app.SignedInAsync(Demo.Coordinator);

        var report = (await scope.ServiceProvider.GetRequiredService<AssociationService>().MonthReportAsync(association, month))!;

        Assert.True(expectedPatrols > 0);
        Assert.Equal(expectedPatrols, report.Report.DonePatrols);
        Assert.Equal(expectedHours, report.Report.DonePatrolHours);
        Assert.Equal(expectedHours, report.Members.Sum(m => m.Hours));
        Assert.Equal(expectedHours, report.Patrols.Sum(p => p.Hours));
        Assert.All(report.Patrols, p => Assert.Equal(month.Month, p.Date.Month));
        await using var youthScope = await app.SignedInAsync(Demo.Coordinator);
        var youth = await db.Associations.Where(a => a.Name.StartsWith("Молодёжный")).Select(a => a.Id).SingleAsync();
        Assert.Null(await youthScope.ServiceProvider.GetRequiredService<AssociationService>().MonthReportAsync(youth, month));
    }
}
