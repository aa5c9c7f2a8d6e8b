using System.Data.Common;
using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace District5News.IntegrationTests.Caching;

/// <summary>
/// A query many residents send at once costs one search, which goes on and is kept while any of them still waits, and
/// even when all of them have given up; a search only one resident asked for stops when that one gives up; a failed
/// search is not kept. The searches are counted, held and failed on SQLite's own statements
/// (<see cref="SearchStatements"/>); no test waits for time to pass. Each test uses its own app: the cache is global.
/// </summary>
public sealed class SearchResultCacheTests : IAsyncLifetime, IDisposable
{
    private const string Url = "/tim-kiem?q=van+nghe";

    private readonly SearchSite _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        // A failing test may leave a search held: let it end before the app goes.
        _app.Searches.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Search_ManyResidentsAtOnce_SearchesOnce()
    {
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext();
        var first = _app.GetAsReaderAsync(Url);
        await hold.Reached;

        // Seven more while the first one's search is in the database: each must wait for it, not search again.
        var others = Enumerable.Range(0, 7).Select(_ => Html.GetAsync(_app.CreateWaitingBrowser(), Url)).ToList();
        await _app.WaitedAsync(others.Count);
        hold.Release();
        var pages = await Task.WhenAll([first, .. others]);

        Assert.Equal(before + 1, _app.Searches.Count);
        Assert.All(pages, p =>
        {
            Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode);
            Assert.Equal([_app.Evening.Title], p.Document.Texts("[data-test=search-result] .article-link"));
        });
    }

    [Fact]
    public async Task Search_OneOfTwoResidentsGivesUp_TheSearchGoesOnForTheOther_AndIsKept()
    {
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext();
        using var giveUp = new CancellationTokenSource();
        var abandoned = _app.CreateBrowser().GetAsync(new Uri(Url, UriKind.Relative), giveUp.Token);
        await hold.Reached;
        var staying = Html.GetAsync(_app.CreateWaitingBrowser(), Url);
        await _app.WaitedAsync(1);

        // The resident who started the search leaves (as wrk does after 2 s); the other one still waits for it.
        await giveUp.CancelAsync();
        hold.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var (response, page) = await staying;
        var (_, again) = await _app.GetAsReaderAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([_app.Evening.Title], page.Texts("[data-test=search-result] .article-link"));
        Assert.Equal([_app.Evening.Title], again.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(before + 1, _app.Searches.Count);
    }

    [Fact]
    public async Task Search_TwoResidentsAskedAndBothGiveUp_TheSearchRunsToItsEnd_AndIsKept()
    {
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext();
        using var giveUp = new CancellationTokenSource();
        var first = _app.CreateWaitingBrowser().GetAsync(new Uri(Url, UriKind.Relative), giveUp.Token);
        await hold.Reached;
        var second = _app.CreateWaitingBrowser().GetAsync(new Uri(Url, UriKind.Relative), giveUp.Token);
        await _app.WaitedAsync(2);

        // Two residents typed it at once: a query people are asking now. Both leave before the answer; the portal has
        // seen both requests end before the database goes on.
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await _app.EndedAsync(2);
        hold.Release();
        var (response, page) = await _app.GetAsReaderAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([_app.Evening.Title], page.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(before + 1, _app.Searches.Count);
    }

    [Fact]
    public async Task Search_TheOnlyResidentGivesUp_TheSearchStops_AndTheNextRequestSearchesAgain()
    {
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext();
        using var giveUp = new CancellationTokenSource();
        var abandoned = _app.CreateWaitingBrowser().GetAsync(new Uri(Url, UriKind.Relative), giveUp.Token);
        await hold.Reached;
        await _app.WaitedAsync(1);

        // Nobody waits for the search any more once the portal has seen the request end: it must not run on (under
        // load, searches nobody reads slow down the ones residents wait for) nor be kept.
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await _app.EndedAsync(1);
        hold.Release();
        var (response, page) = await _app.GetAsReaderAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([_app.Evening.Title], page.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(before + 2, _app.Searches.Count);
    }

    [Fact]
    public async Task Search_FailsWhileAnotherWaits_BothGetTheErrorAndTheNextRequestSearchesAgain()
    {
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext(thenFail: true);
        var first = _app.GetAsReaderAsync(Url);
        await hold.Reached;
        var joined = Html.GetAsync(_app.CreateWaitingBrowser(), Url);
        await _app.WaitedAsync(1);
        hold.Release();
        var failed = await Task.WhenAll(first, joined);

        var (retry, page) = await _app.GetAsReaderAsync(Url);

        Assert.All(failed, f => Assert.Equal(HttpStatusCode.InternalServerError, f.Response.StatusCode));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal([_app.Evening.Title], page.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(before + 2, _app.Searches.Count);
    }

    [Fact]
    public async Task Search_ContentChangesWhileSearching_LaterRequestsSearchTheNewContent()
    {
        const string NewTitle = "Liên hoan văn nghệ quần chúng Quận 5";
        await WarmUpAsync();
        var before = _app.Searches.Count;
        var hold = _app.Searches.HoldNext();
        var started = _app.GetAsReaderAsync(Url);
        await hold.Reached;
        await _app.WithDbAsync(db => TestArticles.AddAsync(db, NewTitle, new DateTime(2026, 11, 19, 9, 0, 0)));
        await _app.PublicContentChangedAsync();

        // Sent after the change: it must not join the search of the old content still in the database.
        var (_, fresh) = await _app.GetAsReaderAsync(Url);
        hold.Release();
        await started;
        var (_, again) = await _app.GetAsReaderAsync(Url);

        Assert.Equal([NewTitle, _app.Evening.Title], fresh.Texts("[data-test=search-result] .article-link"));
        Assert.Equal([NewTitle, _app.Evening.Title], again.Texts("[data-test=search-result] .article-link"));

        // The old search finished after the change and was not kept: the last page came from the new search's entry.
        Assert.Equal(before + 2, _app.Searches.Count);
    }

    /// <summary>
    /// Another query first, so the model, the connection pool and the schedule of publications are ready: a request
    /// for <see cref="Url"/> then goes straight to the search cache.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var (response, page) = await _app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("[data-test=search-result]"));
    }

    /// <summary>The reader site with its search statements watched, and a signal when a marked request waits.</summary>
    private sealed class SearchSite : ReaderSiteFactory
    {
        private const string WaitingHeader = "X-Test-Report-Wait";

        private readonly SemaphoreSlim _waiting = new(0);
        private readonly SemaphoreSlim _ended = new(0);

        public SearchStatements Searches { get; } = new();

        /// <summary>A browser whose search requests are reported to <see cref="WaitedAsync"/> once they wait.</summary>
        public HttpClient CreateWaitingBrowser()
        {
            var browser = CreateBrowser();
            browser.DefaultRequestHeaders.Add(WaitingHeader, "1");
            return browser;
        }

        /// <summary>Returns when <paramref name="requests"/> requests of waiting browsers have come to wait for something.</summary>
        public async Task WaitedAsync(int requests)
        {
            for (var i = 0; i < requests; i++)
            {
                await _waiting.WaitAsync();
            }
        }

        /// <summary>
        /// Returns when <paramref name="requests"/> requests of waiting browsers have ended in the portal (a request
        /// the client gave up on ends when the portal sees it aborted). Bounded, so a portal that never sees the abort
        /// fails the test instead of hanging it.
        /// </summary>
        public async Task EndedAsync(int requests)
        {
            for (var i = 0; i < requests; i++)
            {
                Assert.True(await _ended.WaitAsync(TimeSpan.FromMinutes(1)), "The portal never saw the request end.");
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(Searches));
                services.Configure<MvcOptions>(o => o.Filters.Add(new ReportWaitFilter(WaitingHeader, _waiting, _ended)));
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _waiting.Dispose();
            _ended.Dispose();
        }
    }

    /// <summary>
    /// Innermost around the action: starting it runs the action until its first wait that is not over at once (for a
    /// search joining another one's computation, that wait), so reporting then says the request is waiting. Its end,
    /// however it ends, is reported too.
    /// </summary>
    private sealed class ReportWaitFilter(string header, SemaphoreSlim waiting, SemaphoreSlim ended) : IAsyncActionFilter, IOrderedFilter
    {
        public int Order => int.MaxValue;

        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var reporting = context.HttpContext.Request.Headers.ContainsKey(header);
            var action = next();
            if (reporting)
            {
                waiting.Release();
            }

            try
            {
                await action;
            }
            finally
            {
                if (reporting)
                {
                    ended.Release();
                }
            }
        }
    }

    /// <summary>
    /// The search's statements on the portal's SQLite connections, seen through SQLite's trace hook: the search runs
    /// them on the context's connection directly, past EF Core's command interceptors. Every search starts with one
    /// count of the FTS5 matches, which is what is counted; the next search can be held there until released, and then
    /// interrupted (SQLITE_INTERRUPT), as a database that fails mid-search.
    /// </summary>
    private sealed class SearchStatements : DbConnectionInterceptor, IDisposable
    {
        // The first statement of every search on SQLite (ArticleSearch's count of visible matches, up to the limit).
        private const string SearchStart = """SELECT count(*) FROM (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH""";

        private readonly strdelegate_trace _onStatement;
        private int _count;
        private Hold? _next;
        private Hold? _last;

        public SearchStatements() => _onStatement = OnStatement;

        /// <summary>How many searches reached the database.</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>Holds the next search at its first statement until <see cref="Hold.Release"/>; <paramref name="thenFail"/> interrupts it then.</summary>
        public Hold HoldNext(bool thenFail = false)
        {
            var hold = new Hold(thenFail);
            _last = hold;
            Volatile.Write(ref _next, hold);
            return hold;
        }

        public void Dispose() => _last?.Release();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Trace(connection);
            return Task.CompletedTask;
        }

        // A pooled connection keeps its hook; setting it again on each opening just replaces it with the same one.
        private void Trace(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                raw.sqlite3_trace(handle, _onStatement, handle);
            }
        }

        // Runs on the thread executing the statement, as it starts: holding here holds that search in the database.
        private void OnStatement(object connection, string sql)
        {
            if (!sql.StartsWith(SearchStart, StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref _count);
            if (Interlocked.Exchange(ref _next, null) is { } hold)
            {
                hold.Wait();
                if (hold.ThenFail)
                {
                    raw.sqlite3_interrupt((sqlite3)connection);
                }
            }
        }
    }

    private sealed class Hold(bool thenFail)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool ThenFail { get; } = thenFail;

        /// <summary>Done when a search is held.</summary>
        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        // SQLite calls the hook synchronously: the thread running the statement waits here.
        public void Wait()
        {
            _reached.TrySetResult();
            _released.Task.Wait();
        }
    }
}
