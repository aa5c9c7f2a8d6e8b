using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Paging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace District5News.Web.Features.Search;

/// <summary>
/// Accent-insensitive search over the pre-folded title and body. On SQLite it uses the FTS5 table ArticleSearch
/// (kept in step by triggers, see the SQLite migrations); on PostgreSQL the GIN full-text indexes of the migration
/// ArticleSearchIndex (docs/decisions/0007-postgresql.md); on SQL Server it matches whole folded words with LIKE
/// (docs/benchmarks.md describes the full-text index to use at scale). Bulletins whose title holds every word
/// rank first; within equal relevance, newest first. Answers are kept in <see cref="SearchResultCache"/> until the
/// public content changes, so a query many residents type costs one search.
/// </summary>
public sealed class ArticleSearch(NewsDbContext db, ArticleQueries articles, TimeProvider clock, SearchResultCache cache)
{
    public const int PageSize = 10;

    public async Task<PagedList<SearchResultItem>> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken) =>
        await cache.GetOrAddAsync(query, page, () => SearchUncachedAsync(query, page, cancellationToken), cancellationToken);

    private async Task<PagedList<SearchResultItem>> SearchUncachedAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var (ids, total) = db.Database.IsSqlite()
            ? await new FtsSearch(db, clock.GetUtcNow().UtcDateTime).FindAsync(query, page, cancellationToken)
            : db.Database.IsNpgsql()
                ? await FindWithTsQueryAsync(query, page, cancellationToken)
                : await FindWithLikeAsync(query, page, cancellationToken);

        var found = ids.Count == 0
            ? []
            : await ArticleQueries.ToListItems(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)), db.Media).ToListAsync(cancellationToken);
        var byId = found.ToDictionary(i => i.Id);
        var words = query.Words.ToHashSet(StringComparer.Ordinal);
        var items = ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(i => new SearchResultItem(
            i, Highlighter.Highlight(i.Title, words), Highlighter.Highlight(Highlighter.Excerpt(i.Lead, words), words))).ToList();
        return new PagedList<SearchResultItem>(items, page, PageSize, total);
    }

    /// <summary>
    /// PostgreSQL: every folded word as a lexeme of the 'simple' configuration, ANDed by plainto_tsquery, matched
    /// against the same expressions the migration ArticleSearchIndex indexes with GIN, so the bulletins table is
    /// reached through the index, never scanned. Title matches first, then newest: the order FtsSearch gives.
    /// </summary>
    private async Task<(IReadOnlyList<int> Ids, int Total)> FindWithTsQueryAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var total = await db.Database.SqlQueryRaw<int>(TsQuerySql.Count, TsQuerySql.Parameters(query, nowUtc)).SingleAsync(cancellationToken);
        if (total == 0)
        {
            return ([], 0);
        }

        var ids = await db.Database.SqlQueryRaw<int>(
            TsQuerySql.Page,
            [.. TsQuerySql.Parameters(query, nowUtc), new NpgsqlParameter("take", PageSize), new NpgsqlParameter("skip", PageRequest.Skip(page, PageSize))])
            .ToListAsync(cancellationToken);
        return (ids, total);
    }

    /// <summary>PostgreSQL's search statements, visible to the test that checks their plans use the indexes.</summary>
    internal static class TsQuerySql
    {
        // These must stay the indexed expressions of the migration ArticleSearchIndex.
        private const string Document = """to_tsvector('simple', a."SearchTitle" || ' ' || a."SearchBody")""";
        private const string Title = """to_tsvector('simple', a."SearchTitle")""";
        private const string Words = "plainto_tsquery('simple', @words)";

        // Built only from constants: the words and the time travel as parameters.
        private static readonly string Where = $"""{Document} @@ {Words} AND {ArticleVisibility.VisibleSql("a", "@now")}""";

        public static readonly string Count = $"""SELECT count(*)::int AS "Value" FROM "Articles" AS a WHERE {Where}""";

        public static readonly string Page = $"""
            SELECT a."Id" AS "Value" FROM "Articles" AS a WHERE {Where}
            ORDER BY {Title} @@ {Words} DESC, a."PublishedAtUtc" DESC, a."Id" DESC
            LIMIT @take OFFSET @skip
            """;

        public static NpgsqlParameter[] Parameters(SearchQuery query, DateTime nowUtc) =>
            [new("words", string.Join(' ', query.Words)), new("now", nowUtc)];
    }

    /// <summary>SQL Server (no FTS5 here): whole folded words with LIKE; see docs/benchmarks.md for full-text search.</summary>
    private async Task<(IReadOnlyList<int> Ids, int Total)> FindWithLikeAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var matches = articles.Visible();
        var titles = articles.Visible();
        foreach (var word in query.Words)
        {
            var pattern = "% " + word + " %";
            matches = matches.Where(a => EF.Functions.Like(" " + a.SearchTitle + " " + a.SearchBody + " ", pattern));
            titles = titles.Where(a => EF.Functions.Like(" " + a.SearchTitle + " ", pattern));
        }

        var titleMatches = titles.Select(a => a.Id);
        var ordered = matches
            .OrderBy(a => titleMatches.Contains(a.Id) ? 0 : 1)
            .ThenByDescending(a => a.PublishedAtUtc)
            .ThenByDescending(a => a.Id)
            .Select(a => a.Id);
        var total = await ordered.CountAsync(cancellationToken);
        var ids = total == 0 ? [] : await ordered.Skip(PageRequest.Skip(page, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return (ids, total);
    }

    /// <summary>
    /// One search on SQLite FTS5, in two tiers: bulletins whose title holds every word, then those where only the
    /// body does (FTS5's NOT gives that tier directly), each newest first. Nothing here reads a whole match list
    /// from the bulletins table (its rows are long, and the columns after the body sit on overflow pages):
    /// counts come from FTS5 less the few hidden bulletins that match, and a page of a large tier walks the
    /// (status, deleted, published) index newest first, asking FTS5 about each bulletin, until the page is full.
    /// A small tier (rare words) is read from FTS5 and sorted instead.
    /// </summary>
    private sealed class FtsSearch(NewsDbContext db, DateTime nowUtc)
    {
        private const int SmallTier = 1500;

        private static readonly string VisibleWhere = ArticleVisibility.VisibleSql("a", "@now");

        private static readonly string Hidden = ArticleVisibility.HiddenIdsSql("@now");

        public async Task<(IReadOnlyList<int> Ids, int Total)> FindAsync(SearchQuery query, int page, CancellationToken cancellationToken)
        {
            var all = query.ToFtsMatch();
            var inTitle = query.ToFtsMatch(nameof(Article.SearchTitle));
            var onlyInBody = $"({all}) NOT ({inTitle})";

            var total = await CountVisibleAsync(all, cancellationToken);
            if (total == 0)
            {
                return ([], 0);
            }

            var titleCount = await CountVisibleAsync(inTitle, cancellationToken);
            var skip = PageRequest.Skip(page, PageSize);
            var ids = new List<int>(PageSize);
            if (skip < titleCount)
            {
                ids.AddRange(await PageAsync(inTitle, titleCount, skip, Math.Min(PageSize, titleCount - skip), cancellationToken));
            }

            if (ids.Count < PageSize && skip + ids.Count < total)
            {
                var bodySkip = Math.Max(0, skip - titleCount);
                ids.AddRange(await PageAsync(onlyInBody, total - titleCount, bodySkip, PageSize - ids.Count, cancellationToken));
            }

            return (ids, total);
        }

        private async Task<int> CountVisibleAsync(string match, CancellationToken cancellationToken)
        {
            var matches = await ScalarAsync(
                """SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match""", match, cancellationToken);
            if (matches == 0)
            {
                return 0;
            }

            if (matches <= SmallTier)
            {
                return await ScalarAsync($"""
                    SELECT count(*) FROM "ArticleSearch" AS s CROSS JOIN "Articles" AS a ON a."Id" = s.rowid
                    WHERE s."ArticleSearch" MATCH @match AND {VisibleWhere}
                    """, match, cancellationToken);
            }

            // Many matches: subtract the hidden ones (drafts, taken down, in the trash, scheduled), which are few.
            var hidden = await ScalarAsync($"""
                SELECT count(*) FROM ({Hidden}) AS h
                WHERE EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match AND rowid = h."Id")
                """, match, cancellationToken);
            return matches - hidden;
        }

        private async Task<List<int>> PageAsync(string match, int tierCount, int skip, int take, CancellationToken cancellationToken)
        {
            var sql = tierCount <= SmallTier
                ? $"""
                    SELECT a."Id" FROM "ArticleSearch" AS s CROSS JOIN "Articles" AS a ON a."Id" = s.rowid
                    WHERE s."ArticleSearch" MATCH @match AND {VisibleWhere}
                    ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take OFFSET @skip
                    """
                : $"""
                    SELECT a."Id" FROM "Articles" AS a
                    WHERE {VisibleWhere}
                      AND EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match AND rowid = a."Id")
                    ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take OFFSET @skip
                    """;
            return await WithCommandAsync(sql, match, async command =>
            {
                command.Parameters.Add(new SqliteParameter("@take", take));
                command.Parameters.Add(new SqliteParameter("@skip", skip));
                var ids = new List<int>(take);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt32(0));
                }

                return ids;
            }, cancellationToken);
        }

        private Task<int> ScalarAsync(string sql, string match, CancellationToken cancellationToken) =>
            WithCommandAsync(sql, match, async command =>
                Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture),
                cancellationToken);

        /// <summary>Runs one statement with the query's parameters on the context's own connection.</summary>
        private async Task<T> WithCommandAsync<T>(string sql, string match, Func<System.Data.Common.DbCommand, Task<T>> run, CancellationToken cancellationToken)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                AddParameters(command, match);
                return await run(command);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private void AddParameters(System.Data.Common.DbCommand command, string match)
        {
            command.Parameters.Add(new SqliteParameter("@match", match));

            // Stored the way EF writes UTC times in SQLite, so text comparison orders them.
            command.Parameters.Add(new SqliteParameter("@now", nowUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

public sealed record SearchResultItem(
    ArticleListItem Article,
    Microsoft.AspNetCore.Html.IHtmlContent TitleHtml,
    Microsoft.AspNetCore.Html.IHtmlContent ExcerptHtml);

public sealed record SearchPageViewModel(string Query, PagedList<SearchResultItem>? Results, string? Error);
