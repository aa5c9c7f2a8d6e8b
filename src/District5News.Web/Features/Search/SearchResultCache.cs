using District5News.Web.Features.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace District5News.Web.Features.Search;

/// <summary>
/// Recent search answers, one entry per query (<see cref="SearchQuery.CacheKey"/>) and page. An entry is used only while the public content is
/// the one it was computed from (<see cref="PublicContentVersion"/>) and before the next scheduled bulletin
/// appears, so it never shows a hidden bulletin nor misses a new one. Bounded in count, so unusual queries
/// cannot take memory from the page cache.
/// <para>
/// A query many residents type at once is searched once: the requests that miss share one computation (keyed by the
/// content version too, so a request after a change never joins a search of the old content). The computation runs in
/// a service scope of its own (its own database context), so it outlives the request that started it as long as any
/// other request still waits for it, and to its end when two or more asked for it (see <see cref="Leave"/>); a search
/// only one request asked for stops when that request gives up. A deadline bounds every search. Coalescing was missing
/// once, and on PostgreSQL under load the cache never served a repeated query (docs/benchmarks-postgresql.md): 32
/// requests for one query each ran the search, each slower for the others, and when the clients gave up (wrk waits
/// 2 s) every search was cancelled and nothing stored. A failed search is not kept: its waiters get its exception, and
/// the next request searches again.
/// </para>
/// </summary>
public sealed class SearchResultCache(
    PublicContentVersion version,
    ScheduledPublications schedule,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime application,
    ILogger<SearchResultCache> logger) : IPublicContentChangeHandler, IDisposable
{
    private const int MaxEntries = 2000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a shared search may run: beyond the slowest search measured (about 8 s for a rare phrase of common
    /// syllables on PostgreSQL at 100,000 bulletins, docs/benchmarks-postgresql.md), yet a search stuck on a lock or a
    /// failing database does not hold a connection forever.
    /// </summary>
    private static readonly TimeSpan ComputationTimeout = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly Dictionary<string, Flight> _inFlight = new(StringComparer.Ordinal);

    public void Dispose() => _entries.Dispose();

    /// <summary>Answers from the old content are never used again (the version check), so free their memory now.</summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        _entries.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The cached answer, or the one being worked out, or a new search (<see cref="ArticleSearch.SearchUncachedAsync"/>
    /// in a scope of its own). <paramref name="cancellationToken"/> stops this caller's wait, and the search only when
    /// no other caller waits for it.
    /// </summary>
    public async Task<SearchResults> GetOrAddAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        // Evicts everything (moving the version) when a scheduled bulletin has just become public.
        var untilNext = await schedule.TimeUntilNextAsync(cancellationToken);
        var seen = version.Current;
        var key = query.CacheKey + "\u001f" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Version == seen)
        {
            return entry.Results;
        }

        var lifetime = untilNext is { } t && t < Lifetime ? t : Lifetime;
        var flight = Join(new Search(query, page, key, seen, lifetime));
        try
        {
            return await flight.Answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(flight);
        }
    }

    /// <summary>The running computation of <paramref name="search"/>, as one more waiter; started here when there is none.</summary>
    private Flight Join(Search search)
    {
        var flightKey = search.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + search.Key;
        lock (_inFlight)
        {
            if (_inFlight.TryGetValue(flightKey, out var running))
            {
                running.Waiters++;
                running.Shared = true;
                return running;
            }

            var flight = new Flight(flightKey);
            _inFlight.Add(flightKey, flight);

            // Not in the request's execution context: nothing of the first request (its HttpContext, its log scope)
            // follows the computation past that request's end.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => ComputeAsync(search, flight));
            }

            return flight;
        }
    }

    /// <summary>
    /// One waiter fewer. A search only one request ever asked for is stopped when that request gives up: under overload
    /// the clients that give up are the ones the server is too slow for, and a search of words nobody else typed only
    /// slows the next ones down (on PostgreSQL, letting every one run on made never-seen queries five times slower to
    /// answer). A search two or more requests asked for at once is a query residents are typing now: it runs to its
    /// end even when they have all gone, and its answer is kept for those who come next (stopping those too left the
    /// repeated queries never cached under the same load).
    /// </summary>
    private void Leave(Flight flight)
    {
        lock (_inFlight)
        {
            if (--flight.Waiters > 0 || flight.Shared || flight.Answer.Task.IsCompleted)
            {
                return;
            }

            Forget(flight);
        }

        flight.Abandoned.Cancel();
    }

    private async Task ComputeAsync(Search search, Flight flight)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(application.ApplicationStopping, flight.Abandoned.Token);
            deadline.CancelAfter(ComputationTimeout);
            SearchResults results;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                results = await scope.ServiceProvider.GetRequiredService<ArticleSearch>()
                    .SearchUncachedAsync(search.Query, search.Page, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested
                && !application.ApplicationStopping.IsCancellationRequested && !flight.Abandoned.IsCancellationRequested)
            {
                logger.LogWarning("A search took longer than {Timeout} and was stopped; nothing was cached for it", ComputationTimeout);
                throw new TimeoutException($"The search did not finish within {ComputationTimeout}.");
            }

            // An answer computed across a content change may hold what is no longer public: not kept.
            if (search.Lifetime > TimeSpan.Zero && version.Current == search.Version)
            {
                _entries.Set(search.Key, new Entry(search.Version, results),
                    new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = search.Lifetime });
            }

            // Stored before it leaves the in-flight list: a request in between finds one or the other, never neither.
            lock (_inFlight)
            {
                Forget(flight);
            }

            flight.Answer.SetResult(results);
        }
        catch (Exception ex)
        {
            // Gone from the in-flight list first, so the next request searches again instead of joining the failure.
            lock (_inFlight)
            {
                Forget(flight);
            }

            flight.Answer.SetException(ex);
        }
    }

    /// <summary>Takes <paramref name="flight"/> off the in-flight list (a newer one under the same key stays). Called under the lock.</summary>
    private void Forget(Flight flight)
    {
        if (_inFlight.TryGetValue(flight.Key, out var listed) && ReferenceEquals(listed, flight))
        {
            _inFlight.Remove(flight.Key);
        }
    }

    /// <summary>One search being worked out, with the requests waiting for it (counted under the in-flight list's lock).</summary>
    private sealed class Flight(string key)
    {
        public string Key { get; } = key;

        public int Waiters { get; set; } = 1;

        /// <summary>Whether a second request ever joined: such a search runs to its end.</summary>
        public bool Shared { get; set; }

        // Continuations run elsewhere, so the computation never runs a waiter's code (or the other way round).
        public TaskCompletionSource<SearchResults> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Cancelled when the only request that asked for it has gone before the answer.</summary>
        public CancellationTokenSource Abandoned { get; } = new();
    }

    private sealed record Search(SearchQuery Query, int Page, string Key, long Version, TimeSpan Lifetime);

    private sealed record Entry(long Version, SearchResults Results);
}
