using System.Collections.Concurrent;
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
/// content version too, so a request after a change never joins a search of the old content). The computation belongs
/// to no request: it runs in a service scope of its own (its own database context) on its own deadline, and its
/// answer is kept even when every request waiting for it has gone. Both were missing once, and on PostgreSQL under
/// load the cache never served a repeated query (docs/benchmarks-postgresql.md): 32 requests for one query each ran
/// the search, and when the clients gave up (wrk waits 2 s) the searches were cancelled with them and nothing was
/// stored, so the next wave started over. A waiter that gives up only stops waiting. A failed search is not kept:
/// its waiters get its exception, and the next request searches again.
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
    /// How long a shared search may run with nobody able to stop it: far beyond the slowest search measured (about
    /// 1.5 s under load on PostgreSQL at 100,000 bulletins), so a slow one still ends up cached for the residents who
    /// come back, yet a search stuck on a lock or a failing database does not hold a connection forever.
    /// </summary>
    private static readonly TimeSpan ComputationTimeout = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<string, Task<SearchResults>> _inFlight = new(StringComparer.Ordinal);

    public void Dispose() => _entries.Dispose();

    /// <summary>Answers from the old content are never used again (the version check), so free their memory now.</summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        _entries.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The cached answer, or the one being worked out, or a new search (<see cref="ArticleSearch.SearchUncachedAsync"/>
    /// in a scope of its own). <paramref name="cancellationToken"/> only stops this caller's wait.
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
        return await Join(new Search(query, page, key, seen, lifetime)).WaitAsync(cancellationToken);
    }

    /// <summary>The running computation of <paramref name="search"/>, started here when there is none.</summary>
    private Task<SearchResults> Join(Search search)
    {
        var flightKey = search.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + search.Key;
        while (true)
        {
            if (_inFlight.TryGetValue(flightKey, out var running))
            {
                return running;
            }

            // Continuations run elsewhere, so the computation never runs a waiter's code (or the other way round).
            var answer = new TaskCompletionSource<SearchResults>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(flightKey, answer.Task))
            {
                // Not in the request's execution context: nothing of the first request (its HttpContext, its log scope)
                // follows the computation past that request's end.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(() => ComputeAsync(search, flightKey, answer));
                }

                return answer.Task;
            }
        }
    }

    private async Task ComputeAsync(Search search, string flightKey, TaskCompletionSource<SearchResults> answer)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(application.ApplicationStopping);
            deadline.CancelAfter(ComputationTimeout);
            SearchResults results;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                results = await scope.ServiceProvider.GetRequiredService<ArticleSearch>()
                    .SearchUncachedAsync(search.Query, search.Page, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !application.ApplicationStopping.IsCancellationRequested)
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
            _inFlight.TryRemove(KeyValuePair.Create(flightKey, answer.Task));
            answer.SetResult(results);
        }
        catch (Exception ex)
        {
            // Gone from the in-flight list first, so the next request searches again instead of joining the failure.
            _inFlight.TryRemove(KeyValuePair.Create(flightKey, answer.Task));
            answer.SetException(ex);
        }
    }

    private sealed record Search(SearchQuery Query, int Page, string Key, long Version, TimeSpan Lifetime);

    private sealed record Entry(long Version, SearchResults Results);
}
