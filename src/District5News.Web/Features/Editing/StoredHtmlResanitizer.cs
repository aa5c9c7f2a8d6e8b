using District5News.Web.Features.Caching;
using District5News.Web.Data;
using District5News.Web.Features.Articles;
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
        var articles = 0;
        for (var lastId = 0; ;)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.BodyHtml }).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                var clean = sanitizer.SanitizeHtml(row.BodyHtml).Html;
                if (!string.Equals(clean, row.BodyHtml, StringComparison.Ordinal))
                {
                    await db.Articles.Where(a => a.Id == row.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.BodyHtml, clean), cancellationToken);
                    articles++;
                }
            }

            lastId = batch[^1].Id;
        }

        var revisions = 0;
        for (var lastId = 0; ;)
        {
            var batch = await db.ArticleRevisions.AsNoTracking().Where(r => r.Id > lastId).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.BodyHtml }).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                var clean = sanitizer.SanitizeHtml(row.BodyHtml).Html;
                if (!string.Equals(clean, row.BodyHtml, StringComparison.Ordinal))
                {
                    await db.ArticleRevisions.Where(r => r.Id == row.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.BodyHtml, clean), cancellationToken);
                    revisions++;
                }
            }

            lastId = batch[^1].Id;
        }

        if (articles + revisions > 0)
        {
            // A shared page cache (Redis) may still hold pages rendered from the old bodies.
            await changes.PublishAsync(new ContentChange(ContentTypes.Article, null, "resanitized"));
        }

        logger.LogInformation("Stored bodies sanitized again: {Articles} bulletins and {Revisions} revisions changed", articles, revisions);
        return articles + revisions;
    }
}
