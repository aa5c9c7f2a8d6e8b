using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>Runs one journey in a fresh browser context and judges what happened besides the steps' own assertions.</summary>
public static class Journeys
{
    /// <summary>
    /// Opens a new context (own cookies) on <paramref name="device"/>, runs <paramref name="steps"/>, then fails when the
    /// page threw or logged a console error, or the app logged an error meanwhile. On any failure the page's screenshot
    /// and HTML are saved under the browser artifacts and their paths written to the test output.
    /// <paramref name="errorPage"/>: the journey opens a page that answers 4xx on purpose, so Chromium's console line
    /// about that status is expected (any other still fails).
    /// </summary>
    public static async Task JourneyAsync(
        this BrowserFixture fixture,
        ITestOutputHelper output,
        Device device,
        Func<IPage, Task> steps,
        bool bypassCsp = false,
        bool errorPage = false,
        [CallerMemberName] string name = "")
    {
        var errorsBefore = fixture.App.Errors.Count;
        await using var context = await fixture.NewContextAsync(device, bypassCsp);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var pageProblems = new ConcurrentQueue<string>();
        page.PageError += (_, error) => pageProblems.Enqueue($"Script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            var isDocumentStatus = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal);
            if (message.Type == "error" && !(errorPage && isDocumentStatus))
            {
                pageProblems.Enqueue($"Console error on {page.Url}: {message.Text}");
            }
        };

        try
        {
            await steps(page);
            Assert.True(pageProblems.IsEmpty, "The page reported problems:\n" + string.Join('\n', pageProblems));
            fixture.App.Errors.AssertNoneSince(errorsBefore);
        }
        catch
        {
            await SaveFailureAsync(page, $"{name}-{device.Name}", output);
            throw;
        }
    }

    private static async Task SaveFailureAsync(IPage page, string name, ITestOutputHelper output)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var screenshot = TestPaths.ArtifactPath("failures", $"{name}-{stamp}.png");
        var html = TestPaths.ArtifactPath("failures", $"{name}-{stamp}.html");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            await File.WriteAllTextAsync(html, await page.ContentAsync());
            output.WriteLine($"Failed at {page.Url}");
            output.WriteLine($"Screenshot: {screenshot}");
            output.WriteLine($"Page HTML: {html}");
        }
        catch (PlaywrightException e)
        {
            // The page may be gone (crash, closed context); the original failure is what matters.
            output.WriteLine($"Could not save the failed page: {e.Message}");
        }
    }
}
