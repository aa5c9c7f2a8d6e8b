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
/// Only the bulletins' two statements on PostgreSQL are its own dialect (arrays and <c>unnest</c>, see
/// <see cref="AddInOneStatementAsync"/>).
/// </remarks>
public sealed class CountWriter(IServiceScopeFactory scopes)
{
    private const string AddArticleViews = """UPDATE "Articles" SET "Views" = "Views" + @views WHERE "Id" = @id""";
    private const string AddArticleDayViews =
        """UPDATE "ArticleDailyViews" SET "Views" = "Views" + @views WHERE "ArticleId" = @id AND "Date" = @date""";
    private const string InsertArticleDayViews =
        """INSERT INTO "ArticleDailyViews" ("ArticleId", "Date", "Views") VALUES (@id, @date, @views)""";

    private const string AddArticleViewsFromArrays = """
        UPDATE "Articles" AS a SET "Views" = a."Views" + v.views
        FROM unnest(@ids, @views) AS v(id, views)
        WHERE a."Id" = v.id
        """;

    // A bulletin deleted for good between the view and the flush has no row to join: its day's views are dropped.
    private const string UpsertArticleDayViewsFromArrays = """
        INSERT INTO "ArticleDailyViews" ("ArticleId", "Date", "Views")
        SELECT v.id, v.day, v.views FROM unnest(@ids, @days, @views) AS v(id, day, views)
        WHERE EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Id" = v.id)
        ON CONFLICT ("ArticleId", "Date") DO UPDATE SET "Views" = "ArticleDailyViews"."Views" + excluded."Views"
        """;

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

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        if (db.Database.IsNpgsql())
        {
            await AddInOneStatementAsync(connection, dbTransaction, batch, cancellationToken);
        }
        else
        {
            await AddOneByOneAsync(db, connection, dbTransaction, batch, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite (in the portal's process, where a statement costs microseconds) and SQL Server: one reused command per
    /// statement. A busy minute touches thousands of bulletins, and building an EF ExecuteUpdate for each would make
    /// the flush itself take seconds (and a crash lose those seconds).
    /// </summary>
    private static async Task AddOneByOneAsync(
        NewsDbContext db, DbConnection connection, DbTransaction transaction, CountBuffer batch, CancellationToken cancellationToken)
    {
        await using (var addViews = Command(connection, transaction, AddArticleViews, "@views", "@id"))
        {
            foreach (var (id, views) in batch.ArticleViews)
            {
                addViews.Parameters[0].Value = views;
                addViews.Parameters[1].Value = id;
                await addViews.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var existingArticles = batch.ArticleDayViews.Count == 0
            ? []
            : await db.Articles.Where(a => batch.ArticleViews.Keys.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(cancellationToken);
        await using var addDayViews = Command(connection, transaction, AddArticleDayViews, "@views", "@id", "@date");
        await using var insertDayViews = Command(connection, transaction, InsertArticleDayViews, "@views", "@id", "@date");
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

    /// <summary>
    /// PostgreSQL, a network round trip away: the whole batch in two statements over arrays, whatever its size. One
    /// statement per bulletin made the flush a few hundred round trips; with the database busy serving pages each
    /// waited its turn, the flush took seconds, and a kill -9 lost more than the two seconds of views the counter
    /// promises (docs/benchmarks-postgresql.md). The upsert also keeps two instances that add the same bulletin's
    /// first views of a day at once from colliding on the key. Ids go in ascending order, so two instances lock the
    /// rows they share in the same order.
    /// </summary>
    private static async Task AddInOneStatementAsync(
        DbConnection connection, DbTransaction transaction, CountBuffer batch, CancellationToken cancellationToken)
    {
        if (batch.ArticleViews.Count > 0)
        {
            var views = batch.ArticleViews.OrderBy(v => v.Key).ToArray();
            await using var addViews = Command(connection, transaction, AddArticleViewsFromArrays, "@ids", "@views");
            addViews.Parameters[0].Value = views.Select(v => v.Key).ToArray();
            addViews.Parameters[1].Value = views.Select(v => v.Value).ToArray();
            await addViews.ExecuteNonQueryAsync(cancellationToken);
        }

        if (batch.ArticleDayViews.Count > 0)
        {
            var dayViews = batch.ArticleDayViews.OrderBy(v => v.Key.ArticleId).ThenBy(v => v.Key.Day).ToArray();
            await using var upsertDayViews = Command(connection, transaction, UpsertArticleDayViewsFromArrays, "@ids", "@days", "@views");
            upsertDayViews.Parameters[0].Value = dayViews.Select(v => v.Key.ArticleId).ToArray();
            upsertDayViews.Parameters[1].Value = dayViews.Select(v => v.Key.Day).ToArray();
            upsertDayViews.Parameters[2].Value = dayViews.Select(v => v.Value).ToArray();
            await upsertDayViews.ExecuteNonQueryAsync(cancellationToken);
        }
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
