using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>Runs one journey in fresh browser contexts and judges what happened besides the steps' own assertions.</summary>
public static class Journeys
{
    /// <summary>
    /// Opens a new context (own cookies) on <paramref name="device"/>, runs <paramref name="steps"/>, then fails when the
    /// page threw or logged a console error, or the app logged an error meanwhile. On any failure the page's screenshot
    /// and HTML are saved under the browser artifacts and their paths written to the test output.
    /// <paramref name="errorPage"/>: the journey opens a page that answers 4xx on purpose, so Chromium's console line
    /// about that status is expected (any other still fails).
    /// </summary>
    public static Task JourneyAsync(
        this BrowserFixture fixture,
        ITestOutputHelper output,
        Device device,
        Func<IPage, Task> steps,
        bool bypassCsp = false,
        bool errorPage = false,
        [CallerMemberName] string name = "") =>
        fixture.JourneyAsync(output, device, (page, _) => steps(page), bypassCsp, errorPage, name);

    /// <summary>
    /// The same, for a journey with more than one person in it: <see cref="Journey.NewPageAsync"/> opens another
    /// context, watched and saved on failure like the first.
    /// </summary>
    public static async Task JourneyAsync(
        this BrowserFixture fixture,
        ITestOutputHelper output,
        Device device,
        Func<IPage, Journey, Task> steps,
        bool bypassCsp = false,
        bool errorPage = false,
        [CallerMemberName] string name = "")
    {
        var errorsBefore = fixture.App.Errors.Count;
        await using var journey = new Journey(fixture, device, bypassCsp);
        var page = await journey.NewPageAsync(errorPage: errorPage);

        try
        {
            await steps(page, journey);
            Assert.True(journey.Problems.IsEmpty, "The page reported problems:\n" + string.Join('\n', journey.Problems));
            fixture.App.Errors.AssertNoneSince(errorsBefore);
        }
        catch
        {
            for (var i = 0; i < journey.Pages.Count; i++)
            {
                await SaveFailureAsync(journey.Pages[i], $"{name}-{device.Name}{(i == 0 ? "" : $"-person{i + 1}")}", output);
            }

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

/// <summary>The people in one journey: each page is its own browser context (own cookies), all of them watched.</summary>
public sealed class Journey(BrowserFixture fixture, Device device, bool bypassCsp) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];

    internal ConcurrentQueue<string> Problems { get; } = new();

    internal IReadOnlyList<IPage> Pages => _pages;

    /// <summary>
    /// Another person's browser, on the journey's device unless told otherwise. Its script errors and console errors fail
    /// the journey too; <paramref name="errorPage"/> as in <see cref="Journeys.JourneyAsync(BrowserFixture, ITestOutputHelper, Device, Func{IPage, Task}, bool, bool, string)"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(Device? on = null, bool errorPage = false)
    {
        var context = await fixture.NewContextAsync(on ?? device, bypassCsp);
        _contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        page.PageError += (_, error) => Problems.Enqueue($"Script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            var isDocumentStatus = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal);
            if (message.Type == "error" && !(errorPage && isDocumentStatus))
            {
                Problems.Enqueue($"Console error on {page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
