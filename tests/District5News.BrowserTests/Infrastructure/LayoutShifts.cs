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

    /// <summary>
    /// The most a page may shift in all, in the units of Cumulative Layout Shift: half the 0.1 that counts as good.
    /// Not zero: while a page is still arriving Chromium may paint a word, or a link in a wrapping row, that moves to the
    /// next line once its last letters arrive, or a line a few pixels off its final baseline (up to 0.009 a page seen in
    /// a CI run). A text size applied after the first paint moves the page by 0.17.
    /// </summary>
    public const double Budget = 0.05;

    /// <summary>
    /// Waits for the page to settle (loaded, two frames painted), then requires its layout shift since the first paint
    /// to stay within <see cref="Budget"/>. Returns the total, for the test's output.
    /// </summary>
    public static async Task<double> AssertWithinBudgetAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var shifts = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__shifts");
        var total = shifts.EnumerateArray().Sum(shift => shift.GetProperty("value").GetDouble());
        Assert.True(total <= Budget, $"{page.Url} shifted its layout by {total:0.#####} in all, more than {Budget}: {shifts}");
        return total;
    }
}
