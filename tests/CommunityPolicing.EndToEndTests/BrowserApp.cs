using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>The real app on Kestrel (a real port, so a real browser can reach it) and Debian's Chromium.</summary>
public sealed class BrowserApp : TestApp
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    protected override string Name => "cp_e2e";

    protected override void Configure(WebApplicationFactory<Program> factory)
    {
        var port = EmbeddedPostgresCluster.FreePort();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    protected override async Task StartAsync()
    {
        Factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) at desktop or phone size, in the given language.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string culture = "ru")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
        });
        await context.AddCookiesAsync([CultureCookie(BaseUrl, culture)]);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>The cookie the language switch sets: the next page comes in that language.</summary>
    public static Microsoft.Playwright.Cookie CultureCookie(string baseUrl, string culture) =>
        new() { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = baseUrl };

    public async Task<IPage> SignInAsync(string email, bool phone = false, string culture = "ru")
    {
        var page = await NewPageAsync(phone, culture);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Web.Data.Seeding.DemoSeeder.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Interactive pages answer clicks only once the Blazor circuit is up (MainLayout marks it).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=on]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Opens the page of the grid's row that shows the text. The grid reloads its rows once the circuit is up, and a
    /// click on a prerendered row can land before that; on a busy machine the reload or the navigation can also take
    /// seconds. So the row is clicked again while it is still there and the address has not changed, at most four times.
    /// </summary>
    public static async Task OpenRowAsync(IPage page, string grid, string text, string url)
    {
        var row = page.Locator($"[data-testid={grid}] tbody tr", new() { HasText = text }).First;
        await row.WaitForAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await row.IsVisibleAsync())
                {
                    await row.ClickAsync(new() { Timeout = 5_000 });
                }

                await page.WaitForURLAsync(url, new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }

        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// The journeys' checkpoints: the page as the user sees it there (a dialog open, a form filled) passes axe-core, then
    /// is photographed. Screenshots go to CP_SCREENSHOTS when set (docs/screenshots when refreshing the docs), else to a
    /// temporary folder.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        await page.AssertAccessibleAsync(name);
        var folder = Environment.GetEnvironmentVariable("CP_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "cp-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
