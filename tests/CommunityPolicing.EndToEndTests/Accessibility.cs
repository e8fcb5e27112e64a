using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the page as the user sees it now (a dialog open, a grid loaded).</summary>
public static class Accessibility
{
    /// <summary>
    /// The axe-core that Deque.AxeCore.Playwright bundles, injected once per document and run there directly. The package's
    /// RunAxe finishes every run in a second, blank page (its way across iframes, which the app has none of): 1.3 s a run
    /// against axe's own 0.15 s, and the route × role check makes some five hundred runs.
    /// </summary>
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    private const string Run = """
        async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
            });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(node => `${v.id} (${v.impact}) ${v.help} at ${node.target.join(' ')}: ${node.html.length <= 200 ? node.html : node.html.slice(0, 200) + '…'} (${(node.failureSummary ?? '').replace(/\s+/g, ' ')})`));
        }
        """;

    /// <summary>The serious and critical violations, one line each: the page, the rule, the element.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string label)
    {
        // A saved-message snackbar fades out on its own timer, mid-fade wherever axe meets it: checked once gone.
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });

        // The page as it rests: the shell adjusts it a frame after it renders (wwwroot/js/shell.js: wide tables become
        // reachable), and a snackbar or drawer fading in has colours that are neither the start's nor the end's.
        await page.EvaluateAsync("""
            () => Promise.race([
                new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
                    .then(() => Promise.all(document.getAnimations()
                        .filter(a => a.effect?.getComputedTiming().iterations !== Infinity)
                        .map(a => a.finished.catch(() => null))))
                    // and the shell's answer to what those frames changed (a table that now overflows), one frame behind
                    .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))),
                new Promise(done => setTimeout(done, 3000)),
            ])
            """);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource);
        }

        var path = new Uri(page.Url).PathAndQuery;
        return [.. (await page.EvaluateAsync<string[]>(Run)).Select(violation => $"{label} {path}: {violation}")];
    }

    /// <summary>Fails the test with every serious or critical violation on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string label = "")
    {
        var violations = await ViolationsAsync(page, label);
        Assert.True(violations.Count == 0, "Accessibility violations:\n" + string.Join("\n", violations));
    }
}
