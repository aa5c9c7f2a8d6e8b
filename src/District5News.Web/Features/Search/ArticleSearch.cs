using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Paging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Search;

/// <summary>
/// Accent-insensitive search over the pre-folded title and body. On SQLite it uses the FTS5 table ArticleSearch
/// (kept in step by triggers, see the SQLite migrations); on SQL Server it matches whole folded words with LIKE
/// (docs/operations.md describes the full-text index to use at scale). Bulletins whose title holds every word
/// rank first; within equal relevance, newest first.
/// </summary>
public sealed class ArticleSearch(NewsDbContext db, ArticleQueries articles)
{
    public const int PageSize = 10;

    public async Task<PagedList<SearchResultItem>> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        IQueryable<Article> matches;
        IQueryable<int> titleMatches;
        if (db.Database.IsSqlite())
        {
            var all = query.ToFtsMatch();
            var inTitle = query.ToFtsMatch(nameof(Article.SearchTitle));

            // Distinct parameter names: EF would name both raw queries' parameters p0 once they are composed together.
            var matchIds = db.Database.SqlQueryRaw<int>(
                "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH @all", new SqliteParameter("@all", all));
            titleMatches = db.Database.SqlQueryRaw<int>(
                "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH @inTitle", new SqliteParameter("@inTitle", inTitle));
            matches = articles.Visible().Where(a => matchIds.Contains(a.Id));
        }
        else
        {
            matches = articles.Visible();
            var titles = articles.Visible();
            foreach (var word in query.Words)
            {
                var pattern = "% " + word + " %";
                matches = matches.Where(a => EF.Functions.Like(" " + a.SearchTitle + " " + a.SearchBody + " ", pattern));
                titles = titles.Where(a => EF.Functions.Like(" " + a.SearchTitle + " ", pattern));
            }

            titleMatches = titles.Select(a => a.Id);
        }

        var ordered = matches
            .OrderBy(a => titleMatches.Contains(a.Id) ? 0 : 1)
            .ThenByDescending(a => a.PublishedAtUtc)
            .ThenByDescending(a => a.Id);
        var list = await ArticleQueries.ToListItems(ordered).ToPagedListAsync(page, PageSize, cancellationToken);
        var words = query.Words.ToHashSet(StringComparer.Ordinal);
        var items = list.Items.Select(i => new SearchResultItem(
            i, Highlighter.Highlight(i.Title, words), Highlighter.Highlight(Highlighter.Excerpt(i.Lead, words), words))).ToList();
        return new PagedList<SearchResultItem>(items, list.PageNumber, list.PageSize, list.TotalItemCount);
    }
}

public sealed record SearchResultItem(
    ArticleListItem Article,
    Microsoft.AspNetCore.Html.IHtmlContent TitleHtml,
    Microsoft.AspNetCore.Html.IHtmlContent ExcerptHtml);

public sealed record SearchPageViewModel(string Query, PagedList<SearchResultItem>? Results, string? Error);
