using District5News.Web.Data;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Search;

/// <summary>
/// Fills the marked search columns of the bulletins saved before the migration SearchWithToneMarks, once, at the
/// first start after it (DatabaseInitializer). New and edited bulletins get them from <c>Article.SetContent</c>. On
/// SQLite the update trigger carries each row into the FTS5 index.
/// </summary>
public sealed class SearchTextBackfill(NewsDbContext db, ILogger<SearchTextBackfill> logger)
{
    /// <summary>The migration's name (each provider's id starts with its own timestamp).</summary>
    public const string MigrationName = "_SearchWithToneMarks";

    private const int BatchSize = 500;

    public static bool IsDue(IEnumerable<string> pendingMigrations) =>
        pendingMigrations.Any(id => id.EndsWith(MigrationName, StringComparison.Ordinal));

    /// <summary>Returns how many bulletins were filled.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        for (var lastId = 0; ;)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize)
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
