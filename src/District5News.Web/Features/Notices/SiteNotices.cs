using District5News.Web.Data;
using District5News.Web.Features.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Notices;

/// <summary>
/// The notices shown now, for every public page. The notices not yet ended are read once and kept until the public
/// content changes (every save of a notice publishes that event) or the clock goes back; which of them show is decided
/// per request against the clock, so a notice appears at its start and goes at its end to the second even on a page
/// the cache does not hold. Cached pages follow because the page cache never keeps a page past the next start or end
/// (<see cref="ScheduledPublications"/>). The list is also read again once it is as old as a cached page may be, so an
/// instance learns of a notice another instance saved (it hears no event of its own) within about that lifetime.
/// </summary>
public sealed class SiteNotices(IServiceScopeFactory scopes, TimeProvider clock, PublicContentVersion version, IOptions<PageCacheOptions> pageCache)
{
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<ShownNotice>> ShownAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Version != version.Current || now < snapshot.AsOfUtc || now >= snapshot.AsOfUtc + pageCache.Value.Lifetime)
        {
            // Read the version first: a change during the query leaves this snapshot outdated, to be read again.
            var seen = version.Current;
            snapshot = new Snapshot(seen, now, await ReadNotEndedAsync(now, cancellationToken));
            _snapshot = snapshot;
        }

        return snapshot.Notices.Where(n => n.StartsAtUtc <= now && now < n.EndsAtUtc).ToList();
    }

    private async Task<IReadOnlyList<ShownNotice>> ReadNotEndedAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        // Emergencies first, then warnings, then information; the newest first within a level.
        var notices = await db.SiteNotices.AsNoTracking()
            .Where(n => n.EndsAtUtc > now)
            .Select(n => new ShownNotice(n.Id, n.Version, n.Level, n.Text, n.LinkUrl, n.StartsAtUtc, n.EndsAtUtc))
            .ToListAsync(cancellationToken);
        return notices.OrderByDescending(n => n.Level).ThenByDescending(n => n.StartsAtUtc).ThenByDescending(n => n.Id).ToList();
    }

    private sealed record Snapshot(long Version, DateTime AsOfUtc, IReadOnlyList<ShownNotice> Notices);
}
