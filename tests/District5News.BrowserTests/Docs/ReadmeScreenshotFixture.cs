using System.Net;
using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.BrowserTests.Docs;

/// <summary>
/// The README screenshots' own app and Chromium (a <see cref="BrowserFixture"/> no other test shares), with a month of
/// residents' visits already counted. Starting a second app costs a few seconds, and only when the screenshots run.
/// </summary>
public sealed class ReadmeScreenshotFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await VisitEachDayOfTheLastMonthAsync();
    }

    public Task DisposeAsync() => Browser.DisposeAsync();

    /// <summary>
    /// A new test database has counts for today only, which draws a flat line. The README shows the chart as it looks
    /// after a month of use, so residents are sent through the app's own counter on each of the 30 days up to today
    /// (the clock moved back to each day, then put back): plain HTTP clients with a browser's user agent and their own
    /// cookies, a few more on weekdays than at weekends, each reading the home page and a bulletin or two.
    /// </summary>
    private async Task VisitEachDayOfTheLastMonthAsync()
    {
        var app = Browser.App;
        var now = app.Clock.GetUtcNow();
        var first = now.AddDays(-29);
        var bulletins = await app.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc < first.UtcDateTime)
            .OrderByDescending(a => a.PublishedAtUtc).Take(12)
            .Select(a => ArticleUrls.Article(a.Id, a.Slug))
            .ToListAsync());
        var userAgent = Device.Desktop.UserAgent(Browser.Browser.Version);
        try
        {
            for (var day = 29; day >= 0; day--)
            {
                app.Clock.Set(now.AddDays(-day));
                var date = VietnamTime.Today(app.Clock);
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var readers = (weekend ? 2 : 5) + (date.DayNumber % 4);
                await Task.WhenAll(Enumerable.Range(0, readers).Select(r => ReadAsync(r, date.DayNumber)));
            }
        }
        finally
        {
            app.Clock.Set(now);
        }

        await app.FlushCountsAsync();

        async Task ReadAsync(int reader, int dayNumber)
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
            var pages = new List<string> { "/" };
            pages.AddRange(Enumerable.Range(0, 1 + ((reader + dayNumber) % 3)).Select(i => bulletins[(reader + dayNumber + i) % bulletins.Count]));
            foreach (var path in pages)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }
}

/// <summary>The screenshots' collection: its own fixture, run after the other browser tests rather than beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeScreenshotCollection : ICollectionFixture<ReadmeScreenshotFixture>
{
    public const string Name = "README screenshots";
}
