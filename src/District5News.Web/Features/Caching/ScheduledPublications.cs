using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Caching;

/// <summary>
/// Knows when the public pages next change by themselves — a scheduled bulletin becomes public, or a site-wide notice
/// starts or ends — so cached pages never outlive that moment: a page is cached at most until then, and the first
/// request after it evicts every public page, since any list may now hold the new bulletin and every page shows the
/// notices (it publishes the content-change event, as a save does). Read from the database once, and again after each change to the public content. A clock
/// that goes back (tests do, to replay past days) also evicts: pages rendered "later" may show what is not yet public.
/// </summary>
public sealed class ScheduledPublications(
    IServiceScopeFactory scopes, TimeProvider clock, PublicContentVersion version, PublicContentChanges changes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Dispose() => _gate.Dispose();

    /// <summary>Time left until the next scheduled bulletin appears, or null when none is scheduled.</summary>
    public ValueTask<TimeSpan?> TimeUntilNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version == version.Current && snapshot.Covers(now))
        {
            return ValueTask.FromResult(snapshot.NextUtc - now);
        }

        return RefreshAsync(now, cancellationToken);
    }

    private async ValueTask<TimeSpan?> RefreshAsync(DateTime now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot;
            if (snapshot is not null && snapshot.Version == version.Current && !snapshot.Covers(now))
            {
                await changes.PublishAsync(new ContentChange(snapshot.NextType, null, "schedule-due"));
            }

            snapshot = _snapshot;
            if (snapshot is null || snapshot.Version != version.Current || !snapshot.Covers(now))
            {
                // Read the version first: a change during the query leaves the snapshot outdated, to be read again.
                var seen = version.Current;
                var (nextUtc, nextType) = await ReadNextAsync(now, cancellationToken);
                snapshot = new Snapshot(seen, now, nextUtc, nextType);
                _snapshot = snapshot;
            }

            return snapshot.NextUtc - now;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(DateTime? NextUtc, string NextType)> ReadNextAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var article = await db.Articles.AsNoTracking()
            .Where(ArticleVisibility.ScheduledAt(now))
            .MinAsync(a => (DateTime?)a.PublishedAtUtc, cancellationToken);
        var notices = db.SiteNotices.AsNoTracking().Where(n => n.EndsAtUtc > now);
        var noticeStart = await notices.Where(n => n.StartsAtUtc > now).MinAsync(n => (DateTime?)n.StartsAtUtc, cancellationToken);
        var noticeEnd = await notices.MinAsync(n => (DateTime?)n.EndsAtUtc, cancellationToken);
        var notice = noticeStart is null || (noticeEnd is not null && noticeEnd < noticeStart) ? noticeEnd : noticeStart;
        return notice is not null && (article is null || notice < article)
            ? (notice, ContentTypes.Notice)
            : (article, ContentTypes.Article);
    }

    /// <summary>What is public from <paramref name="AsOfUtc"/> until <paramref name="NextUtc"/> (null: nothing scheduled).</summary>
    private sealed record Snapshot(long Version, DateTime AsOfUtc, DateTime? NextUtc, string NextType)
    {
        // A second of slack: requests that read the clock just before the snapshot was taken are not a clock going back.
        public bool Covers(DateTime now) => now >= AsOfUtc.AddSeconds(-1) && !(now >= NextUtc);
    }
}
