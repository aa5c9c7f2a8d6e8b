using District5News.Web.Data;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Search;

/// <summary>
/// Fills the marked search columns of the bulletins saved before the migration SearchWithToneMarks, once, at the
/// first start after it (DatabaseInitializer). New and edited bulletins get them from <c>Article.SetContent</c>. On
/// SQLite the update trigger carries each row into the FTS5 index. At 1,000,000 bulletins this takes about 18 minutes
/// (docs/benchmarks.md); a start stopped in the middle of it leaves the newest bulletins unfilled, which the next start
/// sees (<see cref="IsUnfinishedAsync"/>) and finishes, skipping the bulletins already filled.
/// </summary>
public sealed class SearchTextBackfill(NewsDbContext db, ILogger<SearchTextBackfill> logger)
{
    /// <summary>The migration's name (each provider's id starts with its own timestamp).</summary>
    public const string MigrationName = "_SearchWithToneMarks";

    private const int BatchSize = 500;

    public static bool IsDue(IEnumerable<string> pendingMigrations) =>
        pendingMigrations.Any(id => id.EndsWith(MigrationName, StringComparison.Ordinal));

    private const int BatchesBetweenProgressLines = 20;

    /// <summary>
    /// A fill was stopped before its end: the newest bulletin (it is filled last) has a title but no marked title. One
    /// primary-key read, so every start can ask.
    /// </summary>
    public static Task<bool> IsUnfinishedAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().OrderByDescending(a => a.Id).Take(1)
            .AnyAsync(a => a.SearchTitleMarked == string.Empty && a.SearchTitle != string.Empty, cancellationToken);

    /// <summary>Returns how many bulletins were filled.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        for (var (lastId, batches) = (0, 0); ; batches++)
        {
            if (batches > 0 && batches % BatchesBetweenProgressLines == 0)
            {
                logger.LogInformation("Search text with tone marks: {Count} bulletins filled so far (up to id {LastId}); the site starts when all are", filled, lastId);
            }

            // Only bulletins still without their marked text: a fill stopped half-way goes on where it stopped.
            var batch = await db.Articles.AsNoTracking()
                .Where(a => a.Id > lastId && a.SearchTitleMarked == string.Empty && a.SearchTitle != string.Empty)
                .OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new { a.Id, a.Title, a.Lead, a.BodyHtml }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    var title = VietnameseText.MarkedSearchForm(row.Title);
                    var body = VietnameseText.MarkedSearchForm(row.Lead + " " + ArticleHtml.ToPlainText(row.BodyHtml));
                    await db.Articles.Where(a => a.Id == row.Id).ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.SearchTitleMarked, title).SetProperty(a => a.SearchBodyMarked, body), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            filled += batch.Count;
            lastId = batch[^1].Id;
        }

        logger.LogInformation("Search text with tone marks filled for {Count} bulletins", filled);
        return filled;
    }
}
