using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// What Cumulative Layout Shift counts, read in the page: every shift not caused by the reader's own input, from the
/// first paint on, with the elements that moved and where they were before and after.
/// </summary>
public static class LayoutShifts
{
    private const string Recorder = """
        window.__shifts = [];
        new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.__shifts.push({
                value: entry.value,
                sources: (entry.sources || []).map(s => ({
                  node: !s.node ? '?' : s.node.nodeType === Node.TEXT_NODE
                    ? `text "${s.node.textContent.trim().slice(0, 60)}" in ${s.node.parentElement.outerHTML.slice(0, 100)}`
                    : s.node.outerHTML.slice(0, 160),
                  before: s.previousRect, after: s.currentRect
                }))
              });
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
        """;

    /// <summary>Installs the recorder; call before the first navigation, it runs before any script of each page.</summary>
    public static Task RecordAsync(IPage page) => page.AddInitScriptAsync(Recorder);

    /// <summary>Waits for the page to settle (loaded, two frames painted), then requires no layout shift since its first paint.</summary>
    public static async Task AssertNoneAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var shifts = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__shifts");
        Assert.True(shifts.GetArrayLength() == 0, $"{page.Url} shifted its layout: {shifts}");
    }
}
