using System.Text.Json;
using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (npm, tests/node_modules) inside the page, as the browser renders it: colours, focus order and
/// ARIA are judged on the real layout. @axe-core/playwright needs Node 22, so the script is injected by hand.
/// </summary>
public static class Axe
{
    /// <summary>All of axe's rules (WCAG 2.0–2.2 A/AA and best practices); a short description of each violation.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = TestPaths.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const results = await axe.run(document, { resultTypes: ["violations"] });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.replace(/\s+/g, " "))
              }));
            }
            """);
        return violations.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
                + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }
}
