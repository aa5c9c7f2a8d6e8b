using District5News.Web.Features.Caching;
using District5News.Web.Features.Paging;
using Microsoft.Extensions.Caching.Memory;

namespace District5News.Web.Features.Search;

/// <summary>
/// Recent search answers, one entry per query (<see cref="SearchQuery.CacheKey"/>) and page. An entry is used only while the public content is
/// the one it was computed from (<see cref="PublicContentVersion"/>) and before the next scheduled bulletin
/// appears, so it never shows a hidden bulletin nor misses a new one. Bounded in count, so unusual queries
/// cannot take memory from the page cache.
/// </summary>
public sealed class SearchResultCache(PublicContentVersion version, ScheduledPublications schedule) : IPublicContentChangeHandler, IDisposable
{
    private const int MaxEntries = 2000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public void Dispose() => _entries.Dispose();

    /// <summary>Answers from the old content are never used again (the version check), so free their memory now.</summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        _entries.Clear();
        return ValueTask.CompletedTask;
    }

    public async Task<SearchResults> GetOrAddAsync(
        SearchQuery query, int page, Func<Task<SearchResults>> search, CancellationToken cancellationToken)
    {
        // Evicts everything (moving the version) when a scheduled bulletin has just become public.
        var untilNext = await schedule.TimeUntilNextAsync(cancellationToken);
        var seen = version.Current;
        var key = query.CacheKey + "\u001f" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Version == seen)
        {
            return entry.Results;
        }

        var results = await search();
        var lifetime = untilNext is { } t && t < Lifetime ? t : Lifetime;
        if (lifetime > TimeSpan.Zero && version.Current == seen)
        {
            _entries.Set(key, new Entry(seen, results), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        }

        return results;
    }

    private sealed record Entry(long Version, SearchResults Results);
}
