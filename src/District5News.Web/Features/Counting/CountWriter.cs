using System.Data.Common;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Adds one batch of counts to the database in one transaction: either the whole batch is added or none of it, so a
/// retry of a failed batch cannot count twice. Counts are only ever added as deltas (<c>Views = Views + @views</c>),
/// never read-modified-written, so other instances sharing the database keep theirs.
/// </summary>
/// <remarks>
/// The raw SQL is written for every provider the portal may run on: double-quoted identifiers (standard SQL, which
/// SQLite, PostgreSQL and SQL Server with its default QUOTED_IDENTIFIER ON all read) and named <c>@</c> parameters.
/// </remarks>
public sealed class CountWriter(IServiceScopeFactory scopes)
{
    private const string AddArticleViews = """UPDATE "Articles" SET "Views" = "Views" + @views WHERE "Id" = @id""";
    private const string AddArticleDayViews =
        """UPDATE "ArticleDailyViews" SET "Views" = "Views" + @views WHERE "ArticleId" = @id AND "Date" = @date""";
    private const string InsertArticleDayViews =
        """INSERT INTO "ArticleDailyViews" ("ArticleId", "Date", "Views") VALUES (@id, @date, @views)""";

    public async Task WriteAsync(CountBuffer batch, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (batch.Visits != 0)
        {
            await db.SiteCounters.Where(s => s.Id == SiteCounter.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, c => c.Visits + batch.Visits), cancellationToken);
        }

        // One reused command per statement: a busy minute touches thousands of bulletins, and building an EF
        // ExecuteUpdate for each would make the flush itself take seconds (and a crash lose those seconds).
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var addViews = Command(connection, dbTransaction, AddArticleViews, "@views", "@id"))
        {
            foreach (var (id, views) in batch.ArticleViews)
            {
                addViews.Parameters[0].Value = views;
                addViews.Parameters[1].Value = id;
                await addViews.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var (day, counts) in batch.Days)
        {
            var updated = await db.DailyStats.Where(d => d.Date == day).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Visits, d => d.Visits + counts.Visits)
                    .SetProperty(d => d.PageViews, d => d.PageViews + counts.PageViews)
                    .SetProperty(d => d.ArticleViews, d => d.ArticleViews + counts.ArticleViews),
                cancellationToken);
            if (updated == 0)
            {
                db.DailyStats.Add(new DailyStat
                {
                    Date = day, Visits = counts.Visits, PageViews = counts.PageViews, ArticleViews = counts.ArticleViews,
                });
            }
        }

        var existingArticles = batch.ArticleDayViews.Count == 0
            ? []
            : await db.Articles.Where(a => batch.ArticleViews.Keys.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(cancellationToken);
        await using (var addDayViews = Command(connection, dbTransaction, AddArticleDayViews, "@views", "@id", "@date"))
        await using (var insertDayViews = Command(connection, dbTransaction, InsertArticleDayViews, "@views", "@id", "@date"))
        {
            foreach (var ((id, day), views) in batch.ArticleDayViews)
            {
                if (!existingArticles.Contains(id))
                {
                    continue; // deleted for good between the view and the flush
                }

                SetDayViews(addDayViews, views, id, day);
                if (await addDayViews.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    SetDayViews(insertDayViews, views, id, day);
                    await insertDayViews.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void SetDayViews(DbCommand command, long views, int id, DateOnly day)
    {
        command.Parameters[0].Value = views;
        command.Parameters[1].Value = id;
        command.Parameters[2].Value = day;
    }
}
