using Microsoft.Playwright;

namespace CommunityPolicing.Benchmarks;

internal sealed record CircuitMemoryResult(string Page, IReadOnlyList<(int Circuits, long HeapBytes)> Points)
{
    /// <summary>Least-squares slope of the managed heap over the number of open circuits, in bytes per circuit.</summary>
    public double BytesPerCircuit
    {
        get
        {
            var meanX = Points.Average(p => (double)p.Circuits);
            var meanY = Points.Average(p => (double)p.HeapBytes);
            return Points.Sum(p => (p.Circuits - meanX) * (p.HeapBytes - meanY)) / Points.Sum(p => Math.Pow(p.Circuits - meanX, 2));
        }
    }
}

/// <summary>
/// Memory per idle interactive circuit: N Chromium pages open on the page, each with its own circuit, and this
/// process's managed heap after a full collection, at 10, 30 and 60 pages.
/// </summary>
internal static class CircuitMemory
{
    public static readonly int[] Steps = [10, 30, 60];

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static async Task<CircuitMemoryResult> MeasureAsync(string name, string baseUrl, string path, Func<IBrowserContext, Task>? signIn = null)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        if (signIn is not null)
        {
            await signIn(context);
        }

        var points = new List<(int, long)>();
        var open = 0;
        foreach (var step in Steps)
        {
            for (; open < step; open++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                try
                {
                    await page.Locator("[data-circuit=on]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                }
                catch (TimeoutException)
                {
                    throw new InvalidOperationException($"No live circuit on {page.Url} ({await page.TitleAsync()}) after a minute.");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // let the last renders and acknowledgements settle
            points.Add((step, Heap()));
        }

        return new CircuitMemoryResult(name, points);
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
