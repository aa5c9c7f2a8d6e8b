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

    /// <summary>How far a line of text may be nudged, in CSS pixels, while the rest of its line or item arrives.</summary>
    public const double TextNudge = 4;

    /// <summary>
    /// Waits for the page to settle (loaded, two frames painted), then requires that nothing moved since its first paint:
    /// no box (a picture, a button, a field, a block) at all. A shift that moved only lines of text, none by more than
    /// <see cref="TextNudge"/> px, is let through: Chromium can paint a line's text a few pixels off its final baseline
    /// while the rest of the line is still being parsed, which no style of ours decides.
    /// </summary>
    public static async Task AssertNoneAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var shifts = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__shifts");
        var moved = shifts.EnumerateArray().Where(shift => !IsTextNudge(shift)).ToList();
        Assert.True(moved.Count == 0, $"{page.Url} shifted its layout: {shifts}");
    }

    private static bool IsTextNudge(System.Text.Json.JsonElement shift)
    {
        var sources = shift.GetProperty("sources").EnumerateArray().ToList();
        return sources.Count > 0 && sources.All(source =>
            source.GetProperty("node").GetString()!.StartsWith("text ", StringComparison.Ordinal)
            && Math.Abs(source.GetProperty("before").GetProperty("x").GetDouble() - source.GetProperty("after").GetProperty("x").GetDouble()) <= TextNudge
            && Math.Abs(source.GetProperty("before").GetProperty("y").GetDouble() - source.GetProperty("after").GetProperty("y").GetDouble()) <= TextNudge);
    }
}
