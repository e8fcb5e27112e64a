using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the page as the user sees it now (a dialog open, a grid loaded).</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

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
                        .map(a => a.finished.catch(() => null)))),
                new Promise(done => setTimeout(done, 3000)),
            ])
            """);
        var result = await page.RunAxe(Options);
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .SelectMany(v => v.Nodes.Select(node =>
                    $"{label} {new Uri(page.Url).PathAndQuery}: {v.Id} ({v.Impact}) {v.Help} at {node.Target}: {Shorten(node.Html)}")),
        ];
    }

    /// <summary>Fails the test with every serious or critical violation on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string label = "")
    {
        var violations = await ViolationsAsync(page, label);
        Assert.True(violations.Count == 0, "Accessibility violations:\n" + string.Join("\n", violations));
    }

    private static string Shorten(string html) => html.Length <= 200 ? html : html[..200] + "…";
}
