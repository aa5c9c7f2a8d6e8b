using District5News.Web.Data;
using District5News.Web.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>
/// Runs every stored body (bulletins and their revisions) through the sanitizer again and writes back the ones that
/// change. Bodies saved before issue 9 were normalized after sanitizing and may hold a tag that the normalization
/// reopened; this runs once, at the start-up that applies <see cref="MigrationId"/>.
/// </summary>
public sealed class StoredHtmlResanitizer(
    NewsDbContext db, HtmlBodySanitizer sanitizer, PublicContentChanges changes, ILogger<StoredHtmlResanitizer> logger)
{
    /// <summary>The empty migration whose first application triggers the pass (both providers use this id).</summary>
    public const string MigrationId = "20261202060000_ResanitizeStoredHtml";

    private const int BatchSize = 500;

    /// <summary>Returns how many bodies changed (bulletins and revisions together).</summary>
    public async Task<int> ResanitizeAllAsync(CancellationToken cancellationToken)
    {
        var articles = await ResanitizeAsync(
            db.Articles.Select(a => new StoredBody { Id = a.Id, BodyHtml = a.BodyHtml }),
            (id, clean) => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BodyHtml, clean), cancellationToken),
            cancellationToken);
        var revisions = await ResanitizeAsync(
            db.ArticleRevisions.Select(r => new StoredBody { Id = r.Id, BodyHtml = r.BodyHtml }),
            (id, clean) => db.ArticleRevisions.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.BodyHtml, clean), cancellationToken),
            cancellationToken);

        if (articles + revisions > 0)
        {
            // A shared page cache (Redis) may still hold pages rendered from the old bodies.
            await changes.PublishAsync(new ContentChange(ContentTypes.Article, null, "resanitized"));
        }

        logger.LogInformation("Stored bodies sanitized again: {Articles} bulletins and {Revisions} revisions changed", articles, revisions);
        return articles + revisions;
    }

    /// <summary>Walks <paramref name="bodies"/> by id in batches and writes back each body the sanitizer changes.</summary>
    private async Task<int> ResanitizeAsync(IQueryable<StoredBody> bodies, Func<int, string, Task<int>> write, CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var lastId = 0; ;)
        {
            var batch = await bodies.AsNoTracking().Where(b => b.Id > lastId).OrderBy(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return changed;
            }

            foreach (var row in batch)
            {
                var clean = sanitizer.SanitizeHtml(row.BodyHtml).Html;
                if (!string.Equals(clean, row.BodyHtml, StringComparison.Ordinal))
                {
                    await write(row.Id, clean);
                    changed++;
                }
            }

            lastId = batch[^1].Id;
        }
    }

    /// <summary>A member-initialised projection, so EF Core can still filter and order on it.</summary>
    private sealed class StoredBody
    {
        public int Id { get; init; }

        public string BodyHtml { get; init; } = string.Empty;
    }
}
