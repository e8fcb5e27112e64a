using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Dashboards;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityPolicing.IntegrationTests.Features.Dashboards;

[Collection(AppCollection.Name)]
public sealed class DashboardTests(TestApp app)
{
    private static readonly AppealStatus[] Open = [AppealStatus.Registered, AppealStatus.Assigned, AppealStatus.InProgress];

    [Fact]
    public async Task The_chiefs_appeal_figures_match_counts_computed_by_hand_from_the_rows()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var today = await scope.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var period = Period.Of(PeriodKind.Quarter, today).Previous; // a whole past quarter of demo appeals
        var dashboard = (await scope.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(period))!;

        await using var db = app.NewDbContext();
        var department = await db.Departments.SingleAsync(d => d.Name == Demo.TarazDepartment);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(department.TimeZoneId);
        DateOnly Local(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        bool In(DateTimeOffset? instant) => instant is { } i && Local(i) >= period.From && Local(i) <= period.To;
        var appeals = await db.Appeals.Where(a => a.DepartmentId == department.Id).Include(a => a.Category).ToListAsync();
        var answered = appeals.Where(a => In(a.AnsweredAt)).ToList();
        var rated = appeals.Where(a => In(a.RatedAt) && a.Rating is not null).ToList();
        var days = answered.Select(a => (a.AnsweredAt!.Value - a.RegisteredAt).TotalDays).Order().ToList();
        var median = days.Count == 0 ? (double?)null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;

        var figures = dashboard.Appeals;
        Assert.Equal(appeals.Count(a => In(a.RegisteredAt)), figures.Received);
        Assert.True(figures.Received > 0);
        Assert.Equal(answered.Count, figures.Answered);
        Assert.Equal(answered.Count(a => Local(a.AnsweredAt!.Value) <= a.DueDate), figures.AnsweredOnTime);
        Assert.Equal(appeals.Count(a => Open.Contains(a.Status) && a.DueDate < today), figures.Overdue);
        Assert.Equal(median ?? -1, figures.MedianDays ?? -1, 6);
        Assert.Equal(rated.Count == 0 ? null : Math.Round((decimal)rated.Average(a => a.Rating!.Value), 2), figures.Satisfaction);
        Assert.Equal(Enumerable.Range(1, 5).Select(r => rated.Count(a => a.Rating == r)), figures.Ratings);
        Assert.Equal(appeals.Count(a => In(a.RegisteredAt) && a.Category!.IsComplaintAboutOfficer), figures.Complaints);
    }

    [Fact]
    public async Task The_chiefs_figures_are_reused_for_the_same_period_and_never_handed_to_anyone_else()
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        var minute = Options.Create(new DashboardOptions { CacheSeconds = 60 });
        DashboardService Dashboards(IServiceProvider services) => ActivatorUtilities.CreateInstance<DashboardService>(services, cache, minute);
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var today = await chief.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var year = Period.Of(PeriodKind.Year, today);

        var first = await Dashboards(chief.ServiceProvider).ChiefAsync(year);
        Assert.NotNull(first);
        Assert.Same(first, await Dashboards(chief.ServiceProvider).ChiefAsync(year));
        Assert.NotSame(first, await Dashboards(chief.ServiceProvider).ChiefAsync(year.Previous));

        foreach (var account in new[] { Demo.Admin, Demo.Officer17, Demo.Coordinator })
        {
            await using var other = await app.SignedInAsync(account);
            Assert.Null(await Dashboards(other.ServiceProvider).ChiefAsync(year));
        }
    }

    [Fact]
    public async Task Every_figure_equals_the_sum_of_its_rows_and_the_appeal_list_it_links_to()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var today = await scope.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var period = Period.Of(PeriodKind.Year, today);
        var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var appealService = scope.ServiceProvider.GetRequiredService<AppealService>();
        var dashboard = (await dashboards.ChiefAsync(period))!;

        Assert.Equal(dashboard.Appeals.Received, dashboard.ByPrecinct.Sum(p => p.Received));
        Assert.Equal(dashboard.Appeals.Overdue, dashboard.ByPrecinct.Sum(p => p.Overdue));
        Assert.Equal(dashboard.Appeals.Complaints, dashboard.ByPrecinct.Sum(p => p.Complaints));
        Assert.Equal(dashboard.Appeals.Received, dashboard.Categories.Sum(c => c.Count));

        // The list the figure links to: registered in the period, in the area.
        var all = await appealService.ListAsync(new AppealListQuery(RegisteredFrom: period.From, RegisteredTo: period.To, PageSize: 1));
        Assert.Equal(dashboard.Appeals.Received, all.Total);
        Assert.Equal(dashboard.Appeals.Overdue, (await appealService.ListAsync(new AppealListQuery(OverdueOnly: true, PageSize: 1))).Total);
        var busiest = dashboard.ByPrecinct.Where(p => p.Key > 0).MaxBy(p => p.Received)!;
        Assert.Equal(busiest.Received, (await appealService.ListAsync(new AppealListQuery(PrecinctId: busiest.Key, RegisteredFrom: period.From, RegisteredTo: period.To, PageSize: 1))).Total);
        Assert.Equal(busiest.Overdue, (await appealService.ListAsync(new AppealListQuery(PrecinctId: busiest.Key, OverdueOnly: true, PageSize: 1))).Total);

        var beats = await dashboards.ByBeatAsync(busiest.Key!.Value, period);
        Assert.Equal(busiest.Received, beats.Single(b => b.Key is null).Received);
        Assert.Equal(busiest.Received, beats.Where(b => b.Key is not null).Sum(b => b.Received));
        var beat = beats.Where(b => b.Key > 0).MaxBy(b => b.Received)!;
        Assert.Equal(beat.Received, (await appealService.ListAsync(new AppealListQuery(PrecinctId: busiest.Key, BeatId: beat.Key, RegisteredFrom: period.From, RegisteredTo: period.To, PageSize: 1))).Total);
    }

    [Fact]
    public async Task Period_edges_follow_the_departments_time_zone()
    {
        // Months are the department's (UTC+5): 29 Feb 23:30 is February; 1 Mar 00:30 is March although it is still 29 Feb in UTC.
        await using var db = app.NewDbContext();
        var department = await db.Departments.SingleAsync(d => d.Name == Demo.TarazDepartment);
        var category = await db.AppealCategories.Where(c => !c.IsComplaintAboutOfficer).Select(c => c.Id).FirstAsync();
        var month = new DateOnly(2024, 2, 1); // before any demo data
        var lastEvening = new DateTimeOffset(2024, 2, 29, 23, 30, 0, TimeSpan.FromHours(5)).ToUniversalTime();
        var firstMorning = new DateTimeOffset(2024, 3, 1, 0, 30, 0, TimeSpan.FromHours(5)).ToUniversalTime(); // still 29 Feb in UTC
        foreach (var (at, n) in new[] { (lastEvening, 1), (firstMorning, 2) })
        {
            db.Appeals.Add(new Appeal
            {
                RegistrationNumber = $"2024-TZ{n}",
                TrackingCode = $"TZEDGE{n}ABCDE",
                DepartmentId = department.Id,
                CategoryId = category,
                Description = "Граница месяца",
                RegisteredAt = at,
                OriginalDueDate = new DateOnly(2024, 3, 20),
                DueDate = new DateOnly(2024, 3, 20),
                Status = AppealStatus.Closed,
            });
        }

        await db.SaveChangesAsync();
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();

        var february = (await dashboards.ChiefAsync(Period.Of(PeriodKind.Month, month)))!;
        var march = (await dashboards.ChiefAsync(Period.Of(PeriodKind.Month, month.AddMonths(1))))!;

        Assert.Equal(1, february.Appeals.Received);
        Assert.Equal(1, march.Appeals.Received);
        Assert.Equal(new DateOnly(2024, 1, 1), february.Period.Previous.From);
        Assert.Equal(new DateOnly(2024, 1, 31), february.Period.Previous.To);
    }

    [Fact]
    public async Task The_officers_dashboard_shows_what_the_appeal_patrol_and_prevention_pages_show()
    {
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var services = scope.ServiceProvider;
        var day = await services.GetRequiredService<OfficerDashboardService>().GetAsync();
        var patrols = services.GetRequiredService<PatrolService>();
        var post = (await services.GetRequiredService<CurrentUser>().GetScopeAsync()).PrecinctId;

        // The dashboard's figures link to these lists.
        var appeals = services.GetRequiredService<AppealService>();
        var from = day.Today.ToDateTime(TimeOnly.MinValue);
        var overdue = await appeals.ListAsync(new AppealListQuery(Mine: true, OverdueOnly: true, SortBy: "DueDate", PageSize: 5));
        var dueSoon = await appeals.ListAsync(new AppealListQuery(Mine: true, DueFrom: from, DueTo: from.AddDays(3), OpenOnly: true, SortBy: "DueDate", PageSize: 5));
        Assert.NotEqual(0, overdue.Total + dueSoon.Total);
        Assert.Equal(overdue.Items, day.Overdue.Items);
        Assert.Equal(overdue.Total, day.Overdue.Total);
        Assert.Equal(dueSoon.Items, day.DueSoon.Items);
        Assert.Equal(dueSoon.Total, day.DueSoon.Total);

        var mine = await patrols.ListAsync(new PatrolQuery { From = day.Today, Mine = true }, 0, 5);
        Assert.NotEmpty(day.Patrols);
        Assert.Equal(mine.Items.Select(p => p.Id), day.Patrols.Select(p => p.Id));
        var awaiting = await patrols.AwaitingReportAsync();
        Assert.InRange(awaiting.Count, 1, 19); // under the list's 20, where the count and the list agree
        Assert.Equal(awaiting.Count, day.AwaitingReport);
        var plan = await services.GetRequiredService<PreventionService>().QuarterAsync(day.Today, post);
        Assert.NotEqual(0, plan.Progress.Planned);
        Assert.Equal(plan.Progress, day.Plan);
    }

    [Fact]
    public async Task Only_the_chief_gets_the_department_dashboard_and_only_the_administrator_system_health()
    {
        var period = Period.Of(PeriodKind.Month, new DateOnly(2026, 11, 1));
        foreach (var email in new[] { Demo.Officer17, Demo.Coordinator, Demo.Admin })
        {
            await using var scope = await app.SignedInAsync(email);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(period));
        }

        await using var chief = await app.SignedInAsync(Demo.Chief);
        await using var admin = await app.SignedInAsync(Demo.Admin);
        Assert.Null(await chief.ServiceProvider.GetRequiredService<DashboardService>().AdminAsync());
        var health = (await admin.ServiceProvider.GetRequiredService<DashboardService>().AdminAsync())!;
        Assert.True(health.Users >= 5);
        Assert.True(health.DatabaseBytes > 0);
    }

    [Fact]
    public async Task The_quarterly_report_prints_and_downloads_the_same_figures()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var today = await scope.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var quarter = (today.Month - 1) / 3 + 1;
        var report = (await scope.ServiceProvider.GetRequiredService<Web.Features.Reports.QuarterReportService>().GetAsync(today.Year, quarter, null))!;
        var dashboard = (await scope.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(Period.Of(PeriodKind.Quarter, today)))!;

        Assert.Equal(dashboard.Appeals.Received, report.Summary.Appeals); // the department view counts what the dashboard counts
        Assert.Equal(dashboard.Prevention.Planned, report.Prevention.Progress.Planned);

        var client = await app.SignedInClientAsync(Demo.Chief);
        using var xlsx = new MemoryStream(await client.GetByteArrayAsync($"/reports/quarter.xlsx?year={today.Year}&quarter={quarter}"));
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(xlsx);
        Assert.Equal(7, sheets.Count); // the summary, five tables of the page (the chief sees records on file) and the prevention plan
        xlsx.Position = 0;
        var summary = MiniExcelLibs.MiniExcel.Query(xlsx, sheetName: sheets[0]).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        // A title block that says what the sheet is when it is printed or sent on: the report, its period, the department.
        Assert.Equal($"Отчёт за квартал: {quarter} квартал {today.Year} г.", summary[0][0]);
        Assert.Equal(["Период", $"{report.Summary.From:dd.MM.yyyy} – {report.Summary.To:dd.MM.yyyy}"], summary[1][..2]);
        Assert.Equal(["Отдел полиции", report.Summary.Department], summary[2][..2]);
        Assert.Equal(["Пункт", "Весь отдел"], summary[3][..2]);
        var header = summary.FindIndex(r => r[0] == "Показатель");
        Assert.Equal(["Обращения", report.Summary.Appeals.ToString(System.Globalization.CultureInfo.InvariantCulture)], summary[header + 1][..2]);
        xlsx.Position = 0;
        var plan = MiniExcelLibs.MiniExcel.Query(xlsx, sheetName: sheets[^1]).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.Prevention.Activities.Count, plan.Count - plan.FindIndex(r => Equals(r["A"], "Плановая дата")) - 1);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.ToArray())))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet7.xml")!.Open());
            Assert.Contains("customWidth=\"1\"", await sheet.ReadToEndAsync()); // columns sized to what they hold, not Excel's default
        }

        var officer = await app.SignedInClientAsync(Demo.Officer17);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await officer.GetAsync($"/reports/quarter.xlsx?year={today.Year}&quarter={quarter}")).StatusCode); // no department view
        Assert.Equal(System.Net.HttpStatusCode.OK, (await officer.GetAsync($"/reports/quarter.xlsx?year={today.Year}&quarter={quarter}&precinct={await PostAsync("17")}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await officer.GetAsync($"/reports/quarter.xlsx?year={today.Year}&quarter={quarter}&precinct={await PostAsync("30")}")).StatusCode);
    }

    [Fact]
    public async Task The_dashboards_post_table_downloads_with_the_total_row()
    {
        var client = await app.SignedInClientAsync(Demo.Chief);
        var csv = await client.GetStringAsync("/dashboard/precincts.csv?from=2026-01-01&to=2026-12-31");
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var dashboard = (await scope.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(new Period(PeriodKind.Custom, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))))!;

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(dashboard.ByPrecinct.Count + 2, lines.Length); // header, posts, department total
        Assert.StartsWith(Demo.TarazDepartment, lines[^1]);
        var officer = await app.SignedInClientAsync(Demo.Officer17);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await officer.GetAsync("/dashboard/precincts.csv?from=2026-01-01&to=2026-12-31")).StatusCode);
        var categories = (await client.GetStringAsync("/dashboard/categories.csv?from=2026-01-01&to=2026-12-31")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(dashboard.Categories.Count + 1, categories.Length);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/nothing.csv?from=2026-01-01&to=2026-12-31")).StatusCode);
    }

    private async Task<int> PostAsync(string number)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.Where(p => p.Number == number && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
    }
}
