using System.Linq.Expressions;
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
/// Accent-insensitive search over the pre-folded title and body, ranked by how well each bulletin matches
/// (<see cref="SearchRanking"/>, docs/search.md), then newest first. On SQLite it uses the FTS5 table ArticleSearch
/// (kept in step by triggers, see the SQLite migrations), step by step; on PostgreSQL the GIN full-text indexes of the
/// migration ArticleSearchIndex find the bulletins and the steps order them (docs/decisions/0007-postgresql.md); on SQL
/// Server it matches whole folded words with LIKE and ranks without the "together" step (docs/benchmarks.md describes
/// the full-text index to use at scale). Answers are kept in <see cref="SearchResultCache"/> until the public content
/// changes, so a query many residents type costs one search, even when they type it at the same moment: the cache runs
/// that search once, in an instance of this class of its own scope (<see cref="SearchUncachedAsync"/>), not on the
/// request's database context or cancellation.
/// </summary>
public sealed class ArticleSearch(NewsDbContext db, ArticleQueries articles, TimeProvider clock, SearchResultCache cache)
{
    public const int PageSize = 10;

    /// <summary>
    /// Matches are counted up to this many; past it the page says "hơn 1.000 kết quả" and offers these first ones,
    /// in rank order, page by page (counting every match of two common syllables read their whole index lists).
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>One page of answers; <paramref name="cancellationToken"/> stops this caller's wait, not a search others share.</summary>
    public Task<SearchResults> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(query, page, cancellationToken);

    /// <summary>The search itself, for <see cref="SearchResultCache"/>, which calls it on an instance of its own scope.</summary>
    internal async Task<SearchResults> SearchUncachedAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var (ids, counted) = db.Database.IsSqlite()
            ? await new FtsSearch(db, clock.GetUtcNow().UtcDateTime).FindAsync(query, page, cancellationToken)
            : db.Database.IsNpgsql()
                ? await FindWithTsQueryAsync(query, page, cancellationToken)
                : await FindWithLikeAsync(query, page, cancellationToken);

        // Each provider counts up to CountLimit + 1, so "more than the limit" is told from "exactly the limit".
        var total = Math.Min(counted, CountLimit);
        var more = counted > CountLimit;
        if (ids.Count == 0)
        {
            return new SearchResults(new PagedList<SearchResultItem>([], page, PageSize, total), more);
        }

        var found = await ArticleQueries.ToListItems(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)), db.Media).ToListAsync(cancellationToken);
        var bodies = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.BodyHtml })
            .ToDictionaryAsync(a => a.Id, a => a.BodyHtml, cancellationToken);
        var byId = found.ToDictionary(i => i.Id);
        var items = ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(i =>
        {
            // The same text the index holds for the body: the lead, then the body's words.
            var (title, excerpt) = Highlighter.ForResult(query, i.Title, i.Lead, i.Lead + " " + ArticleHtml.ToPlainText(bodies.GetValueOrDefault(i.Id)));
            return new SearchResultItem(i, title, excerpt);
        }).ToList();
        return new SearchResults(new PagedList<SearchResultItem>(items, page, PageSize, total), more);
    }

    /// <summary>
    /// PostgreSQL: every folded word as a lexeme of the 'simple' configuration, ANDed by plainto_tsquery, matched
    /// against the stored vectors of the migration StoredSearchVectors through their GIN indexes, so the bulletins table
    /// is reached through an index, never scanned. The page is filled step by step (<see cref="SearchRanking"/>), as on
    /// SQLite: each step's visible bulletins newest first, less those of the earlier steps, up to what the page still
    /// needs; a step that holds fewer was read whole, so the next one leaves out exactly its ids. Most pages are full
    /// after the first one or two steps, and no step is worked out for bulletins it cannot place on the page.
    /// </summary>
    private async Task<(IReadOnlyList<int> Ids, int Total)> FindWithTsQueryAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var total = await db.Database.SqlQueryRaw<int>(TsQuerySql.Count, TsQuerySql.Parameters(query, nowUtc)).SingleAsync(cancellationToken);
        var skip = PageRequest.Skip(page, PageSize);
        var need = Math.Min(skip + PageSize, Math.Min(total, CountLimit));
        if (need <= skip)
        {
            return ([], total);
        }

        // The ranked bulletins from the first on, up to the end of the page; every step before the current one was read
        // whole, so "ranked" is exactly the bulletins of the earlier steps.
        var ranked = new List<int>(need);
        var steps = TsQuerySql.Steps(query);
        foreach (var step in steps)
        {
            var take = need - ranked.Count;
            var ids = step.Window is null ? [] : await IdsAsync(step.Window, take);
            if (ids.Count < take)
            {
                ids = await IdsAsync(step.Whole, take);
            }

            ranked.AddRange(ids);
            if (ids.Count == take)
            {
                break;
            }
        }

        Task<List<int>> IdsAsync(string sql, int take) => db.Database.SqlQueryRaw<int>(
            sql,
            [.. TsQuerySql.Parameters(query, nowUtc), new NpgsqlParameter("take", take), new NpgsqlParameter("window", TsQuerySql.Window(take)), new NpgsqlParameter("seen", ranked.ToArray())])
            .ToListAsync(cancellationToken);

        return (ranked.Skip(skip).ToList(), total);
    }

    /// <summary>PostgreSQL's search statements, visible to the test that checks their plans use the indexes.</summary>
    internal static class TsQuerySql
    {
        // This must stay the indexed expression of the migration StoredSearchVectors (IX_Articles_SearchDocument).
        private const string Document = """(a."SearchTitleVector" || a."SearchBodyVector")""";
        private const string Words = "plainto_tsquery('simple', @words)";

        /// <summary>The "together" step is a tsquery of every order and spacing up to this many different syllables (4! x 4 = 96 phrases); "SearchSpan" above.</summary>
        internal const int TogetherAsPhrasesUpTo = 4;

        private static readonly string Visible = ArticleVisibility.VisibleSql("a", "@now");

        // Built only from constants: the words and the time travel as parameters.
        private static readonly string Where = $"""{Document} @@ {Words} AND {Visible}""";

        /// <summary>The matches, counted up to <see cref="CountLimit"/> + 1.</summary>
        public static readonly string Count = $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "Articles" AS a WHERE {Where} LIMIT {CountLimit + 1}) AS m""";

        /// <summary>How many of the newest matches the first try of a step looks at: enough for a step that holds a good share of them.</summary>
        public static int Window(int take) => (10 * take) + 100;

        /// <summary>
        /// The statements of each ranking step: its visible bulletins, less those of the earlier steps (@seen), newest
        /// first, at most @take. A step is first looked for among the newest @window matches (for a title step, of the
        /// bulletins with every word in the title) (<see cref="TsStep.Window"/>:
        /// walking the publication index, a few milliseconds); when those hold fewer than @take, among all the matches,
        /// through the GIN index (<see cref="TsStep.Whole"/>: the title steps through the title indexes, the others
        /// through the document index, then sorted). Left to itself the planner walks the publication index for every
        /// step, testing each bulletin, which reads the whole archive when the step holds few (600 ms at 100,000 for a
        /// body phrase that occurs nowhere); the order by a computed time keeps it off that index. The last step (every
        /// match) is dense: one statement, walked.
        /// </summary>
        public static IReadOnlyList<TsStep> Steps(SearchQuery query)
        {
            var tiers = SearchRanking.Tiers(query);
            return [.. tiers.Select((tier, i) =>
            {
                if (i == tiers.Count - 1)
                {
                    return new TsStep(null, $"""
                        SELECT a."Id" AS "Value" FROM "Articles" AS a WHERE {Where} AND NOT (a."Id" = ANY (@seen))
                        ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take
                        """);
                }

                var condition = Condition(query, tier);

                // A title step holds only bulletins with every word in the title: its newest come from the title's own
                // vector (small, read in the row), where the whole bulletin's would join two vectors per bulletin walked.
                var candidates = tier.InTitle ? $"{TitleWords(tier)} AND {Visible}" : Where;
                var window = $"""
                    SELECT c."Id" AS "Value" FROM (
                        SELECT a."Id", a."PublishedAtUtc" FROM "Articles" AS a WHERE {candidates} AND NOT (a."Id" = ANY (@seen))
                        ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @window) AS c
                    JOIN "Articles" AS a ON a."Id" = c."Id" WHERE {condition}
                    ORDER BY c."PublishedAtUtc" DESC, c."Id" DESC LIMIT @take
                    """;
                var where = tier.InTitle ? $"{condition} AND {Visible}" : $"{Where} AND {condition}";
                var whole = $"""
                    SELECT a."Id" AS "Value" FROM "Articles" AS a WHERE {where} AND NOT (a."Id" = ANY (@seen))
                    ORDER BY a."PublishedAtUtc" + interval '0 seconds' DESC, a."Id" DESC LIMIT @take
                    """;
                return new TsStep(window, whole);
            })];
        }

        /// <summary>
        /// One step as a condition on the row's stored vectors. A phrase or a together run is looked for in the title
        /// and in the body separately (never across the two, as FTS5 columns); "apart" in the body means anywhere.
        /// </summary>
        private static string Condition(SearchQuery query, SearchTier tier)
        {
            var (title, body, prefix) = tier.SameMarks ? ("SearchTitleMarkedVector", "SearchBodyMarkedVector", "marked_") : ("SearchTitleVector", "SearchBodyVector", string.Empty);
            var field = $"a.\"{(tier.InTitle ? title : body)}\"";
            var words = tier.SameMarks ? query.MarkedWords : query.Words;
            return tier.Proximity switch
            {
                Proximity.Phrase => $"{field} @@ phraseto_tsquery('simple', @{prefix}sequence)",

                // Every word inside a run of at most n + 1 syllables is the same as one of the phrases of the words
                // in some order with gaps adding up to at most n: a tsquery, checked in C on the stored positions.
                Proximity.Together when words.Count <= TogetherAsPhrasesUpTo => $"{field} @@ to_tsquery('simple', @{prefix}together)",
                Proximity.Together => $"""{field} @@ plainto_tsquery('simple', @{prefix}words) AND {SearchSpanFunction}({field}, @{prefix}word_list) <= @{prefix}span""",
                _ when tier.InTitle => $"{field} @@ plainto_tsquery('simple', @{prefix}words)",
                _ => $"""(a."{title}" || a."{body}") @@ plainto_tsquery('simple', @{prefix}words)""",
            };
        }

        /// <summary>Every word of the step in the step's title vector (folded, or with the marks typed).</summary>
        private static string TitleWords(SearchTier tier) => tier.SameMarks
            ? """a."SearchTitleMarkedVector" @@ plainto_tsquery('simple', @marked_words)"""
            : """a."SearchTitleVector" @@ plainto_tsquery('simple', @words)""";

        /// <summary>The function of the migration SearchWithToneMarks: the shortest run of a vector holding every word.</summary>
        private const string SearchSpanFunction = "\"SearchSpan\"";

        /// <summary>
        /// The "together" step as a tsquery: for every order of the (different) words and every spacing of them whose
        /// run spans at most <see cref="SearchRanking.TogetherSpan"/> syllables, the phrase with those distances,
        /// ORed ('a' &lt;1&gt; 'b' | 'a' &lt;2&gt; 'b' | 'b' &lt;1&gt; 'a' | 'b' &lt;2&gt; 'a' for two words). Words hold only
        /// letters and digits, so quoting cannot break out; beyond <see cref="TogetherAsPhrasesUpTo"/> words it is unused.
        /// </summary>
        internal static string TogetherQuery(IReadOnlyList<string> words)
        {
            if (words.Count > TogetherAsPhrasesUpTo)
            {
                return string.Empty;
            }

            var slack = SearchRanking.TogetherSpan(words.Count) - 1;
            var phrases = new List<string>();
            foreach (var order in Orders(words.ToList()))
            {
                foreach (var gaps in Gaps(order.Count - 1, slack))
                {
                    var phrase = "'" + order[0] + "'";
                    for (var i = 1; i < order.Count; i++)
                    {
                        phrase += $" <{gaps[i - 1]}> '{order[i]}'";
                    }

                    phrases.Add("(" + phrase + ")");
                }
            }

            return string.Join(" | ", phrases);
        }

        private static IEnumerable<List<string>> Orders(List<string> words)
        {
            if (words.Count <= 1)
            {
                yield return words;
                yield break;
            }

            for (var i = 0; i < words.Count; i++)
            {
                var rest = words.Where((_, j) => j != i).ToList();
                foreach (var tail in Orders(rest))
                {
                    yield return [words[i], .. tail];
                }
            }
        }

        // Every list of `count` gaps, each at least 1, adding up to at most `budget`.
        private static IEnumerable<List<int>> Gaps(int count, int budget)
        {
            if (count == 0)
            {
                yield return [];
                yield break;
            }

            for (var gap = 1; gap <= budget - (count - 1); gap++)
            {
                foreach (var rest in Gaps(count - 1, budget - gap))
                {
                    yield return [gap, .. rest];
                }
            }
        }

        public static NpgsqlParameter[] Parameters(SearchQuery query, DateTime nowUtc) =>
        [
            new("words", string.Join(' ', query.Words)),
            new("sequence", string.Join(' ', query.Sequence)),
            new("word_list", query.Words.ToArray()),
            new("span", SearchRanking.TogetherSpan(query.Words.Count)),
            new("together", TogetherQuery(query.Words)),
            new("marked_words", string.Join(' ', query.MarkedWords)),
            new("marked_sequence", string.Join(' ', query.MarkedSequence)),
            new("marked_word_list", query.MarkedWords.ToArray()),
            new("marked_span", SearchRanking.TogetherSpan(query.MarkedWords.Count)),
            new("marked_together", TogetherQuery(query.MarkedWords)),
            new("now", nowUtc),
        ];
    }

    /// <summary>
    /// SQL Server (no FTS5 here): whole folded words with LIKE, ranked by the steps LIKE can tell (phrase, with the
    /// marks typed, in the title), without the "together" step; see docs/benchmarks.md for full-text search.
    /// </summary>
    private async Task<(IReadOnlyList<int> Ids, int Total)> FindWithLikeAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var matches = articles.Visible();
        foreach (var word in query.Words)
        {
            var pattern = "% " + word + " %";
            matches = matches.Where(a => EF.Functions.Like(" " + a.SearchTitle + " " + a.SearchBody + " ", pattern));
        }

        var ordered = matches
            .OrderBy(LikeRanking.Step(query))
            .ThenByDescending(a => a.PublishedAtUtc)
            .ThenByDescending(a => a.Id)
            .Select(a => a.Id);
        var total = await matches.Take(CountLimit + 1).CountAsync(cancellationToken);
        var ids = total == 0 || PageRequest.Skip(page, PageSize) >= Math.Min(total, CountLimit) ? [] : await ordered.Skip(PageRequest.Skip(page, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return (ids, total);
    }

    /// <summary>
    /// One search on SQLite FTS5, step by step (<see cref="SearchRanking"/>), all inside SQLite; nothing reads a whole
    /// match list from the bulletins table (its rows are long, and the columns after the body sit on overflow pages).
    /// Each step's bulletins are read from FTS5 once, less those of earlier steps and the hidden ones (drafts, taken
    /// down, trash, scheduled: few, from an index), into a temporary table of this connection (in memory); its row
    /// count is the step's count. The page is filled from the first steps on, each newest first, and a step is read
    /// only when the page lies beyond the steps before it. A step's page walks the (status, deleted, published) index
    /// newest first keeping the step's ids, or, for a step of a few bulletins, sorts them. The last step (every word,
    /// anywhere) is mostly dense: its page asks FTS5 about each bulletin of the walk (cheap for words alone), unless
    /// the walk would be long. Asking FTS5 about single bulletins costs about 0.1 ms for a phrase, so phrase steps
    /// are never walked that way.
    /// </summary>
    private sealed class FtsSearch(NewsDbContext db, DateTime nowUtc)
    {
        // The last step is walked bulletin by bulletin when the page should be found within this many index entries.
        private const int WalkLimit = 200;

        private static readonly string VisibleWhere = ArticleVisibility.VisibleSql("a", "@now");

        private static readonly string Hidden = ArticleVisibility.HiddenIdsSql("@now");

        private const string Setup = """
            PRAGMA temp_store = MEMORY;
            CREATE TEMP TABLE IF NOT EXISTS "SearchSeen" ("Id" INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS "SearchStep" ("Id" INTEGER PRIMARY KEY);
            DELETE FROM temp."SearchSeen";
            DELETE FROM temp."SearchStep";
            """;

        private static readonly string CountVisible =
            $"""SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match AND rowid NOT IN (SELECT "Id" FROM ({Hidden}))""";

        private const string ClearStep = """DELETE FROM temp."SearchStep";""";

        private static string ReadStep(string table) => $"""
            INSERT INTO temp."SearchStep" SELECT rowid FROM "{table}" WHERE "{table}" MATCH @match
                AND rowid NOT IN temp."SearchSeen" AND rowid NOT IN (SELECT "Id" FROM ({Hidden}));
            """;

        private static readonly Dictionary<string, string> ReadSteps = FtsMatch.Tables.ToDictionary(t => t, ReadStep);

        private const string KeepStep = """INSERT INTO temp."SearchSeen" SELECT "Id" FROM temp."SearchStep";""";

        private static readonly string WalkStep = $"""
            SELECT a."Id" FROM "Articles" AS a INDEXED BY "IX_Articles_Status_DeletedAtUtc_PublishedAtUtc"
            WHERE {VisibleWhere} AND a."Id" IN temp."SearchStep"
            ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take OFFSET @skip
            """;

        private const string SortStep = """
            SELECT a."Id" FROM temp."SearchStep" AS s CROSS JOIN "Articles" AS a ON a."Id" = s."Id"
            ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take OFFSET @skip
            """;

        private static readonly string WalkRest = $"""
            SELECT a."Id" FROM "Articles" AS a INDEXED BY "IX_Articles_Status_DeletedAtUtc_PublishedAtUtc"
            WHERE {VisibleWhere} AND a."Id" NOT IN temp."SearchSeen"
              AND EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match AND rowid = a."Id")
            ORDER BY a."PublishedAtUtc" DESC, a."Id" DESC LIMIT @take OFFSET @skip
            """;

        private static readonly string CountVisibleCapped =
            $"""SELECT count(*) FROM (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @match AND rowid NOT IN (SELECT "Id" FROM ({Hidden})) LIMIT {CountLimit + 1})""";

        // The step's visible bulletins with the highest ids, straight out of FTS5 (which walks its lists by rowid and stops).
        private static string NewestIds(string table) => $"""
            SELECT rowid FROM "{table}" WHERE "{table}" MATCH @match AND rowid NOT IN (SELECT "Id" FROM ({Hidden}))
            ORDER BY rowid DESC LIMIT @take OFFSET @skip
            """;

        private static readonly Dictionary<string, string> NewestIdsOf = FtsMatch.Tables.ToDictionary(t => t, NewestIds);

        private const string PublishedAt = """SELECT "Id", "PublishedAtUtc" FROM "Articles" WHERE "Id" IN (SELECT value FROM json_each(@ids))""";

        // Is there a bulletin residents see, saved before the lowest id read (a lower id) yet published after the last of them?
        private static readonly string OlderIdPublishedLater = $"""
            SELECT EXISTS (SELECT 1 FROM "Articles" AS a INDEXED BY "IX_Articles_Status_DeletedAtUtc_PublishedAtUtc"
            WHERE {VisibleWhere} AND a."PublishedAtUtc" > @after AND a."Id" < @below)
            """;

        /// <summary>
        /// The page, read step by step from FTS5 newest id first and stopping once the page is full; the total is
        /// counted up to <see cref="CountLimit"/> + 1. Ids give the publication order only when no bulletin with a lower
        /// id was published later than the ones read (checked on the publication index for every step read); when one
        /// was (a backdated or scheduled bulletin), this query is answered by <see cref="FindByReadingStepsAsync"/>.
        /// </summary>
        public async Task<(IReadOnlyList<int> Ids, int Total)> FindAsync(SearchQuery query, int page, CancellationToken cancellationToken)
        {
            var steps = SearchRanking.Tiers(query).Select(t => FtsMatch.For(query, t)).ToList();

            // The last step (every word, title or body) is always on the whole index, which the counts and walks use.
            var last = steps[^1].Match;
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // The last step is "every word, title or body": every match.
                var counted = await ScalarAsync(CountVisibleCapped, last, cancellationToken);
                var skip = PageRequest.Skip(page, PageSize);
                var need = Math.Min(skip + PageSize, Math.Min(counted, CountLimit));
                if (need <= skip)
                {
                    return ([], counted);
                }

                // The ranked bulletins from the first on, up to the end of the page. Every step before the current one
                // was read whole (it held fewer than needed), so "seen" is exactly the bulletins of the earlier steps.
                var ranked = new List<int>(need);
                var seen = new HashSet<int>();
                foreach (var step in steps)
                {
                    var newest = await NewestAsync(step, need - ranked.Count + seen.Count, cancellationToken);
                    if (newest is null)
                    {
                        var (ids, _) = await FindByReadingStepsAsync(steps, page, counted, cancellationToken);
                        return (ids, counted);
                    }

                    foreach (var id in newest)
                    {
                        if (ranked.Count < need && seen.Add(id))
                        {
                            ranked.Add(id);
                        }
                    }

                    if (ranked.Count == need)
                    {
                        break;
                    }
                }

                return (ranked.Skip(skip).ToList(), counted);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        /// <summary>
        /// The first <paramref name="take"/> visible bulletins of a step, newest first (then the higher id), or all of
        /// them when it has fewer; null when a bulletin beyond the ids read could rank among them.
        /// </summary>
        private async Task<List<int>?> NewestAsync(FtsStep step, int take, CancellationToken cancellationToken)
        {
            // Twice as many ids as needed, so a few backdated bulletins among the highest ids (which sort last) do
            // not stop the check below: it is made at the take-th bulletin in publication order, not at the last read.
            var read = (2 * take) + PageSize;
            var ids = await IdsAsync(NewestIdsOf[step.Table], step.Match, 0, read, cancellationToken);
            if (ids.Count == 0)
            {
                return ids;
            }

            var published = await WithCommandAsync(PublishedAt, null, async command =>
            {
                command.Parameters.Add(new SqliteParameter("@ids", "[" + string.Join(',', ids) + "]"));
                var times = new Dictionary<int, string>(ids.Count);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    times[reader.GetInt32(0)] = reader.GetString(1);
                }

                return times;
            }, cancellationToken);

            // Times are stored as sortable text (the same format for every row).
            var ordered = ids.OrderByDescending(id => published[id], StringComparer.Ordinal).ThenByDescending(id => id).ToList();
            if (ids.Count < read)
            {
                return ordered.Take(take).ToList();
            }

            var laterBelow = await WithCommandAsync(OlderIdPublishedLater, null, async command =>
            {
                command.Parameters.Add(new SqliteParameter("@after", published[ordered[take - 1]]));
                command.Parameters.Add(new SqliteParameter("@below", ids[^1]));
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }, cancellationToken);
            return laterBelow == 0 ? ordered.Take(take).ToList() : null;
        }

        /// <summary>
        /// The way of the first version, kept for archives whose ids and publication order disagree: each step's
        /// bulletins read whole into a temporary table, the page walked on the publication index.
        /// </summary>
        private async Task<(IReadOnlyList<int> Ids, int Total)> FindByReadingStepsAsync(List<FtsStep> steps, int page, int counted, CancellationToken cancellationToken)
        {
            // The exact count, which the walk below relies on.
            var total = counted > CountLimit ? await ScalarAsync(CountVisible, steps[^1].Match, cancellationToken) : counted;

            await ExecuteAsync(Setup, null, cancellationToken);
            var lastId = await ScalarAsync("""SELECT coalesce(max("Id"), 0) FROM "Articles" """, null, cancellationToken);
            var skip = PageRequest.Skip(page, PageSize);
            var ids = new List<int>(PageSize);
            var before = 0;
            for (var i = 0; i < steps.Count && ids.Count < PageSize && before < total; i++)
            {
                var last = i == steps.Count - 1;
                var count = total - before;
                var stepSkip = skip + ids.Count - before;
                var take = Math.Min(PageSize - ids.Count, count - stepSkip);
                if (last && (long)(stepSkip + take) * lastId / count <= WalkLimit)
                {
                    ids.AddRange(await IdsAsync(WalkRest, steps[i].Match, stepSkip, take, cancellationToken));
                    break;
                }

                await ExecuteAsync(ClearStep, null, cancellationToken);
                count = await ExecuteAsync(ReadSteps[steps[i].Table], steps[i].Match, cancellationToken);
                if (stepSkip < count)
                {
                    take = Math.Min(PageSize - ids.Count, count - stepSkip);

                    // Sorting a step reads its rows; walking the index reads about lastId / count entries per result.
                    var sort = (long)count * count * 100 < (long)(stepSkip + take) * lastId;
                    ids.AddRange(await IdsAsync(sort ? SortStep : WalkStep, null, stepSkip, take, cancellationToken));
                }

                if (ids.Count < PageSize && !last)
                {
                    await ExecuteAsync(KeepStep, null, cancellationToken);
                }

                before += count;
            }

            return (ids, total);
        }

        private Task<List<int>> IdsAsync(string sql, string? match, int skip, int take, CancellationToken cancellationToken) =>
            WithCommandAsync(sql, match, async command =>
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

        /// <summary>Runs a statement that changes rows (of the temporary tables), giving how many it changed.</summary>
        private Task<int> ExecuteAsync(string sql, string? match, CancellationToken cancellationToken) =>
            WithCommandAsync(sql, match, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

        private Task<int> ScalarAsync(string sql, string? match, CancellationToken cancellationToken) =>
            WithCommandAsync(sql, match, async command =>
                Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture),
                cancellationToken);

        /// <summary>Runs one statement with the query's parameters on the context's own connection (opened by the caller).</summary>
        private async Task<T> WithCommandAsync<T>(string sql, string? match, Func<System.Data.Common.DbCommand, Task<T>> run, CancellationToken cancellationToken)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            if (match is not null)
            {
                command.Parameters.Add(new SqliteParameter("@match", match));
            }

            // Stored the way EF writes UTC times in SQLite, so text comparison orders them.
            command.Parameters.Add(new SqliteParameter("@now", nowUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)));
            return await run(command);
        }
    }
}

/// <summary>One ranking step on PostgreSQL: the statement over the newest matches (none for the last step), and the one over all of them.</summary>
internal sealed record TsStep(string? Window, string Whole);

/// <summary>One ranking step on SQLite: the FTS5 table to ask and the match expression.</summary>
internal sealed record FtsStep(string Table, string Match);

/// <summary>
/// The ranking steps as FTS5 match expressions: the title steps over the titles-only table ArticleTitleSearch (its
/// lists hold only the titles' syllables, so a step of common syllables is read quickly), the others over the four
/// columns of ArticleSearch. Both tables have the same tokenizer and hold the same title columns, so a title step
/// finds the same bulletins in either.
/// </summary>
internal static class FtsMatch
{
    public const string Whole = "ArticleSearch";

    public const string Titles = "ArticleTitleSearch";

    public static readonly string[] Tables = [Whole, Titles];

    public static FtsStep For(SearchQuery query, SearchTier tier)
    {
        var (sequence, words) = tier.SameMarks ? (query.MarkedSequence, query.MarkedWords) : (query.Sequence, query.Words);
        var columns = (tier.SameMarks, tier.InTitle) switch
        {
            (false, true) => "SearchTitle",

            // Title or body, folded: no column filter, which would make FTS5 read every position list. A folded syllable
            // found in a marked column was typed without marks, so the folded column holds it at the same place: the
            // answer is the same.
            (false, false) => null,
            (true, true) => "SearchTitleMarked",
            (true, false) => "{SearchTitleMarked SearchBodyMarked}",
        };

        // Words hold only letters and digits, so quoting them cannot break out of the expression.
        var match = tier.Proximity switch
        {
            Proximity.Phrase => Quote(string.Join(' ', sequence)),

            // NEAR's distance counts the syllables between the first and the last of the run.
            Proximity.Together when words.Count > 1 =>
                $"NEAR({string.Join(' ', words.Select(Quote))}, {SearchRanking.TogetherSpan(words.Count) - 2})",
            _ => string.Join(" AND ", words.Select(Quote)),
        };
        return new FtsStep(tier.InTitle ? Titles : Whole, columns is null ? match : $"{columns} : ({match})");
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>SQL Server's ranking: the steps without "together", as one CASE over LIKE conditions.</summary>
internal static class LikeRanking
{
    public static Expression<Func<Article, int>> Step(SearchQuery query)
    {
        var article = Expression.Parameter(typeof(Article), "a");
        var tiers = SearchRanking.Tiers(query, withTogether: false);
        Expression rank = Expression.Constant(tiers.Count - 1);
        for (var i = tiers.Count - 2; i >= 0; i--)
        {
            rank = Expression.Condition(
                Condition(query, tiers[i], article), Expression.Constant(i), rank);
        }

        return Expression.Lambda<Func<Article, int>>(rank, article);
    }

    private static Expression Condition(SearchQuery query, SearchTier tier, ParameterExpression article)
    {
        var (sequence, words) = tier.SameMarks ? (query.MarkedSequence, query.MarkedWords) : (query.Sequence, query.Words);
        Expression<Func<Article, string>> field = (tier.SameMarks, tier.InTitle) switch
        {
            (false, true) => a => " " + a.SearchTitle + " ",
            (false, false) when tier.Proximity == Proximity.Phrase => a => " " + a.SearchBody + " ",
            (false, false) => a => " " + a.SearchTitle + " " + a.SearchBody + " ",
            (true, true) => a => " " + a.SearchTitleMarked + " ",
            (true, false) when tier.Proximity == Proximity.Phrase => a => " " + a.SearchBodyMarked + " ",
            (true, false) => a => " " + a.SearchTitleMarked + " " + a.SearchBodyMarked + " ",
        };
        var patterns = tier.Proximity == Proximity.Phrase
            ? ["% " + string.Join(' ', sequence) + " %"]
            : words.Select(w => "% " + w + " %").ToList();
        var text = new ParameterSwap(field.Parameters[0], article).Visit(field.Body);
        return patterns
            .Select(p => (Expression)Expression.Call(
                typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), null,
                Expression.Constant(EF.Functions), text, PatternOf(p)))
            .Aggregate(Expression.AndAlso);
    }

    /// <summary>A pattern as a captured value, so EF Core sends it as a parameter.</summary>
    private static Expression PatternOf(string pattern)
    {
        Expression<Func<string>> captured = () => pattern;
        return captured.Body;
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }
}

public sealed record SearchResultItem(
    ArticleListItem Article,
    Microsoft.AspNetCore.Html.IHtmlContent TitleHtml,
    Microsoft.AspNetCore.Html.IHtmlContent ExcerptHtml);

/// <summary>One page of answers; <paramref name="MoreThanCounted"/> when the matches go past <see cref="ArticleSearch.CountLimit"/>.</summary>
public sealed record SearchResults(PagedList<SearchResultItem> Page, bool MoreThanCounted);

public sealed record SearchPageViewModel(string Query, SearchResults? Results, string? Error);
