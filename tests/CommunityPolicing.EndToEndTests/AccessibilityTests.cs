using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>
/// Every page the app routes, opened by every demo role and checked with axe-core at desktop and at phone width. The
/// languages rotate over the pages, so each page is seen in several of them. A page the table below does not list fails
/// the first test: a new page is checked the day it lands.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private static readonly string[] Languages = ["en", "ru", "kk", "tg"];

    private static readonly (int Width, int Height, string Name) Desktop = (1280, 900, "desktop");
    private static readonly (int Width, int Height, string Name) Phone = (390, 844, "phone");

    /// <summary>Each page's address with records in the role's own scope.</summary>
    private static readonly Dictionary<string, Func<Ids, string>> Pages = new()
    {
        ["/"] = _ => "/",
        ["/Account/AccessDenied"] = _ => "/Account/AccessDenied",
        ["/Account/Login"] = _ => "/Account/Login",
        ["/Account/LoginWith2fa"] = _ => "/Account/LoginWith2fa",
        ["/Account/LoginWithRecoveryCode"] = _ => "/Account/LoginWithRecoveryCode",
        ["/Account/TwoFactor"] = _ => "/Account/TwoFactor",
        ["/Account/Manage/ChangePassword"] = _ => "/Account/Manage/ChangePassword",
        ["/Error"] = _ => "/Error",
        ["/not-found"] = _ => "/not-found",
        ["/admin/audit"] = _ => "/admin/audit",
        ["/admin/calendar"] = _ => "/admin/calendar",
        ["/admin/categories"] = _ => "/admin/categories",
        ["/admin/users"] = _ => "/admin/users",
        ["/admin/person"] = ids => $"/admin/person?name={Uri.EscapeDataString(ids.Volunteer.Name)}",
        ["/analysis"] = _ => "/analysis",
        ["/appeals"] = _ => "/appeals",
        ["/appeals/{Id:long}"] = ids => $"/appeals/{ids.Appeal}",
        ["/appeals/new"] = _ => "/appeals/new",
        ["/associations"] = _ => "/associations",
        ["/associations/{Id:int}"] = ids => $"/associations/{ids.Association}",
        ["/associations/{Id:int}/report"] = ids => $"/associations/{ids.Association}/report",
        ["/trainings"] = _ => "/trainings",
        ["/trainings/{Id:int}"] = ids => $"/trainings/{ids.Training}",
        ["/volunteers/{Id:int}"] = ids => $"/volunteers/{ids.Volunteer.Id}",
        ["/log"] = _ => "/log",
        ["/officers"] = _ => "/officers",
        ["/officers/{Id:int}"] = ids => $"/officers/{ids.Officer}",
        ["/patrols"] = _ => "/patrols",
        ["/patrols/{Id:int}"] = ids => $"/patrols/{ids.Patrol}",
        ["/precincts"] = _ => "/precincts",
        ["/precincts/{Id:int}"] = ids => $"/precincts/{ids.Precinct}",
        ["/beats/{Id:int}"] = ids => $"/beats/{ids.Beat}",
        ["/prevention"] = _ => "/prevention",
        ["/records"] = _ => "/records",
        ["/records/{Id:int}"] = ids => $"/records/{ids.Record}",
        ["/reports/quarter"] = _ => "/reports/quarter",
        ["/public/appeal"] = _ => "/public/appeal",
        ["/public/privacy"] = _ => "/public/privacy",
        ["/public/track"] = ids => $"/public/track?code={ids.TrackingCode}",
        ["/public/track/{Code}"] = ids => $"/public/track/{ids.TrackingCode}",
    };

    [Fact]
    public void Every_page_of_the_app_is_checked()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template)).Distinct().ToList();

        Assert.Contains("/appeals/{Id:long}", routes);
        var missing = routes.Where(route => !Pages.ContainsKey(route)).Order().ToList();
        Assert.True(missing.Count == 0, $"Pages the accessibility check does not open: {string.Join(", ", missing)}");
        var stale = Pages.Keys.Where(route => !routes.Contains(route)).ToList();
        Assert.True(stale.Count == 0, $"Pages in the check the app no longer routes: {string.Join(", ", stale)}");
    }

    [Theory]
    [InlineData(null, "УПП № 17", 0)]
    [InlineData("admin@demo.local", "УПП № 17", 1)]
    [InlineData("chief.taraz@demo.local", "УПП № 17", 2)]
    [InlineData("officer.17@demo.local", "УПП № 17", 3)]
    [InlineData("coordinator@demo.local", "УПП № 17", 0)]
    [InlineData("chief.istaravshan@demo.local", "Маркази ҳамкории", 3)]
    public async Task Every_page_passes_axe_for_the_role_at_desktop_and_phone_width(string? account, string post, int firstLanguage)
    {
        var ids = await IdsAsync(post);
        var page = account is null ? await app.NewPageAsync() : await app.SignInAsync(account);
        var violations = new List<string>();
        var seen = new HashSet<string>();
        var index = firstLanguage;
        foreach (var url in Pages.Values.Select(address => address(ids)))
        {
            var language = Languages[index++ % Languages.Length];
            await page.Context.AddCookiesAsync([BrowserApp.CultureCookie(app.BaseUrl, language)]);
            await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
            await page.GotoAsync(url);
            if (!seen.Add(new Uri(page.Url).AbsolutePath))
            {
                continue; // redirected to a page already checked (sign-in, access denied)
            }

            // One load, two widths: the layout is CSS, so the phone check needs no second circuit.
            foreach (var (width, height, name) in new[] { Desktop, Phone })
            {
                await page.SetViewportSizeAsync(width, height);
                await SettleAsync(page);
                violations.AddRange(await Accessibility.ViolationsAsync(page, $"{account ?? "anonymous"} {name} {language}"));
            }
        }

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, "Accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Interactive pages are checked once live: grids load their rows after the circuit is up. Static pages (sign-in,
    /// access denied, the portal) carry no server component marker and never start one.
    /// </summary>
    private static async Task SettleAsync(IPage page)
    {
        // The markers go when the circuit starts, so a page without them that is live was interactive too.
        var interactive = (await page.ContentAsync()).Contains("Blazor:{\"type\":\"server\"", StringComparison.Ordinal);
        if (interactive || await page.Locator("[data-circuit=on]").CountAsync() > 0)
        {
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator(".mud-table-loading-progress").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
    }

    /// <summary>Records of the post whose name starts with the text, and of the first association it works with.</summary>
    private async Task<Ids> IdsAsync(string post)
    {
        await using var db = app.NewDbContext();
        var precinct = await db.Precincts.Where(p => p.Name.StartsWith(post)).Select(p => p.Id).FirstAsync();
        var association = await db.Associations.Where(a => a.Precincts.Any(p => p.Id == precinct)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var appeal = await db.Appeals.Where(a => a.PrecinctId == precinct).OrderBy(a => a.Id).Select(a => new { a.Id, a.TrackingCode }).FirstAsync();
        return new Ids(
            precinct,
            await db.Beats.Where(b => b.PrecinctId == precinct).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Officers.Where(o => o.PrecinctId == precinct).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
            appeal.Id,
            appeal.TrackingCode,
            association,
            await db.Volunteers.Where(v => v.AssociationId == association).OrderBy(v => v.Id).Select(v => new Person(v.Id, v.FullName)).FirstAsync(),
            await db.TrainingSessions.Where(t => t.AssociationId == association).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.Patrols.Where(p => p.AssociationId == association).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.PreventiveRecords.Where(r => r.PrecinctId == precinct).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
    }

    private sealed record Person(int Id, string Name);

    private sealed record Ids(int Precinct, int Beat, int Officer, long Appeal, string TrackingCode, int Association, Person Volunteer,
        int Training, int Patrol, int Record);
}
