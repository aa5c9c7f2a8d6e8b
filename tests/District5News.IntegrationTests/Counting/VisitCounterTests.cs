using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Counting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace District5News.IntegrationTests.Counting;

/// <summary>The façade over its real pieces and a real SQLite file: a failed flush, its logging, and content changes.</summary>
public sealed class VisitCounterTests : IAsyncLifetime, IDisposable
{
    private readonly CountingDatabase _db = new();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly LogRecorder<VisitCounter> _log = new();
    private VisitCounter _counter = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var pending = new PendingCounts();
        _counter = new VisitCounter(
            pending, new StoredTotals(pending, _clock), new CountReader(_db.Scopes), new CountWriter(_db.Scopes), _clock, _log);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    public void Dispose() => _counter.Dispose();

    [Fact]
    public async Task FlushAsync_DatabaseRefusesWrites_CountsStayShownAndArriveOnce_OutageLoggedAsOneError()
    {
        _counter.RecordPageView(newVisit: true);
        _counter.RecordArticleView(_db.First);
        Assert.Equal(301, await _counter.GetArticleViewsAsync(_db.First));
        await _db.RefuseUpdatesOfAsync("SiteCounters");

        await Assert.ThrowsAnyAsync<Exception>(() => _counter.FlushAsync());
        _counter.RecordPageView(newVisit: true);
        _counter.RecordArticleView(_db.First);
        await Assert.ThrowsAnyAsync<Exception>(() => _counter.FlushAsync());

        Assert.Equal(302, await _counter.GetArticleViewsAsync(_db.First));
        Assert.Equal(2, await _counter.GetTotalVisitsAsync());
        Assert.Equal((2L, 2L, 2L), _counter.Unwritten());
        Assert.Equal([LogLevel.Error, LogLevel.Debug], _log.Levels);

        await _db.AcceptAgainAsync("SiteCounters");
        await _counter.FlushAsync();
        await _counter.FlushAsync(); // nothing left: adds nothing

        Assert.Equal([LogLevel.Error, LogLevel.Debug, LogLevel.Warning], _log.Levels);
        Assert.Equal((0L, 0L, 0L), _counter.Unwritten());
        Assert.Equal(302, await _counter.GetArticleViewsAsync(_db.First));
        Assert.Equal(2, await _counter.GetTotalVisitsAsync());
        Assert.Equal(
            new StoredCounts(2, $"{_db.First}:300+2 {_db.Second}:0+0", "2026-11-20:2/2/2", $"{_db.First}@2026-11-20:2"),
            await _db.CountsAsync());
    }

    [Fact]
    public async Task ReadAlongWithArticleViews_KeepsTheTotalTheQueryRead_UntilItsLifetimeEnds()
    {
        // The article page's own query read 777 (the database holds 300): the figure shown comes from that read, not a second one.
        var row = await _counter.ReadAlongWithArticleViewsAsync(_db.First, _ => Task.FromResult(("the row", (long?)777)));
        _counter.RecordArticleView(_db.First);

        Assert.Equal("the row", row);
        Assert.Equal(778, await _counter.GetArticleViewsAsync(_db.First));

        _clock.Advance(StoredTotals.Lifetime);
        Assert.Equal(301, await _counter.GetArticleViewsAsync(_db.First));
    }

    [Fact]
    public async Task ReadAlongWithArticleViews_BatchWrittenDuringTheRead_IsNotKept_SoNoViewIsLostOrCountedTwice()
    {
        var row = await _counter.ReadAlongWithArticleViewsAsync(_db.First, async ct =>
        {
            // The query saw 300; before it returns, this instance writes a batch holding one more view.
            _counter.RecordArticleView(_db.First);
            await _counter.FlushAsync(ct);
            return ("the row", (long?)300);
        });

        Assert.Equal("the row", row);
        Assert.Equal(301, await _counter.GetArticleViewsAsync(_db.First));
    }

    [Fact]
    public async Task ReadAlongWithArticleViews_NoRow_KeepsNothing()
    {
        var row = await _counter.ReadAlongWithArticleViewsAsync(_db.First, _ => Task.FromResult(((string?)null, (long?)null)));

        Assert.Null(row);
        Assert.Equal(300, await _counter.GetArticleViewsAsync(_db.First));
    }

    [Fact]
    public async Task OnPublicContentChangedAsync_StoredTotalsMovedByAnImport_AreReadAgain()
    {
        Assert.Equal(300, await _counter.GetArticleViewsAsync(_db.First));
        Assert.Equal(0, await _counter.GetTotalVisitsAsync());
        await _db.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == _db.First).ExecuteUpdateAsync(s => s.SetProperty(a => a.ImportedViews, 5_000));
            await db.SiteCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.StartingVisits, 2_889_702));
        });
        Assert.Equal(300, await _counter.GetArticleViewsAsync(_db.First)); // kept: no query per page

        await _counter.OnPublicContentChangedAsync(new ContentChange(ContentTypes.Article, null, "import"));

        Assert.Equal(5_000, await _counter.GetArticleViewsAsync(_db.First));
        Assert.Equal(2_889_702, await _counter.GetTotalVisitsAsync());
    }

    private sealed class LogRecorder<T> : ILogger<T>
    {
        private readonly List<LogLevel> _levels = [];

        public IReadOnlyList<LogLevel> Levels
        {
            get
            {
                lock (_levels)
                {
                    return [.. _levels];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_levels)
            {
                _levels.Add(logLevel);
            }
        }
    }
}
