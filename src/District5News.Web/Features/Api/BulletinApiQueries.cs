using AngleSharp.Html.Parser;
using District5News.Web.Data;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Api;

/// <summary>
/// The bulletins of the web service: only what a resident can see (<see cref="ArticleQueries.Visible"/>, built on
/// ArticleVisibility: never a draft, an unpublished, a scheduled or a trashed bulletin), newest first.
/// </summary>
/// <param name="absolute">Not a service: each call gets the request's way of making an address absolute (Site:BaseUrl).</param>
public sealed class BulletinApiQueries(
    NewsDbContext db, ArticleQueries articles, UnitApiQueries units, HtmlBodySanitizer sanitizer, VisitCounter counter)
{
    /// <summary>One page of bulletins under the filter, or the reasons it names nothing (an unknown unit or category).</summary>
    public async Task<ApiOutcome<ApiPage<ApiBulletinSummary>>> ListAsync(
        BulletinFilter filter, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var errors = new ApiErrors();
        var query = articles.Visible();
        if (filter.UnitSlug is { } unitSlug)
        {
            if (await units.LineageAsync(unitSlug, cancellationToken) is { } unitIds)
            {
                query = query.Where(a => unitIds.Contains(a.UnitId));
            }
            else
            {
                errors.Add(BulletinListParameters.UnitParameter, $"Không có đơn vị nào mang mã \"{unitSlug}\". Danh sách đơn vị: {Routing.ApiRoutes.Units}.");
            }
        }

        if (filter.CategorySlug is { } categorySlug)
        {
            var categoryId = await db.Categories.AsNoTracking().Where(c => c.Slug == categorySlug)
                .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (categoryId is { } id)
            {
                query = query.Where(a => a.CategoryId == id);
            }
            else
            {
                errors.Add(BulletinListParameters.CategoryParameter, $"Không có chuyên mục nào mang mã \"{categorySlug}\".");
            }
        }

        if (errors.Any)
        {
            return ApiOutcome.Refused<ApiPage<ApiBulletinSummary>>(errors);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.PublishedAtUtc >= from);
        }

        if (filter.ToUtcExclusive is { } to)
        {
            query = query.Where(a => a.PublishedAtUtc < to);
        }

        var page = await query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new SummaryRow(
                a.Id, a.Title, a.Slug, a.Lead, a.PublishedAtUtc!.Value, a.Category!.Slug, a.Category.Name, a.Unit!.Slug, a.Unit.Name, a.CoverImagePath))
            .ToApiPageAsync(filter.Page, cancellationToken);
        return ApiOutcome.Found(new ApiPage<ApiBulletinSummary>(
            page.Page, page.PageSize, page.TotalItems, page.TotalPages,
            [.. page.Items.Select(r => new ApiBulletinSummary(
                r.Id, r.Title, r.Lead, Vietnam(r.PublishedAtUtc),
                new ApiCategoryRef(r.CategorySlug, r.CategoryName), new ApiUnitRef(r.UnitSlug, r.UnitName),
                absolute(ArticleUrls.Article(r.Id, r.Slug)), Cover(r.CoverImagePath, absolute)))]));
    }

    /// <summary>A visible bulletin with its text, and when it last changed; null when residents cannot see it.</summary>
    public async Task<(ApiBulletin Bulletin, DateTime ModifiedUtc)?> GetAsync(int id, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var row = await articles.Visible().Where(a => a.Id == id).Select(a => new
        {
            a.Id, a.Title, a.Slug, a.Lead, a.BodyHtml, PublishedAtUtc = a.PublishedAtUtc!.Value, a.UpdatedAtUtc,
            CategorySlug = a.Category!.Slug, CategoryName = a.Category.Name, UnitSlug = a.Unit!.Slug, UnitName = a.Unit.Name,
            a.CoverImagePath,
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // Sanitized again on the way out, as the article page does: a body written around the editor never goes out as script.
        var bodyHtml = AbsoluteAddresses(sanitizer.SanitizeHtml(row.BodyHtml).Html, absolute);
        var modified = row.UpdatedAtUtc > row.PublishedAtUtc ? row.UpdatedAtUtc : row.PublishedAtUtc;
        var bulletin = new ApiBulletin(
            row.Id, row.Title, row.Lead, bodyHtml, PlainText(bodyHtml),
            Vietnam(row.PublishedAtUtc), Vietnam(modified),
            new ApiCategoryRef(row.CategorySlug, row.CategoryName), new ApiUnitRef(row.UnitSlug, row.UnitName),
            absolute(ArticleUrls.Article(row.Id, row.Slug)), Cover(row.CoverImagePath, absolute),
            await counter.GetArticleViewsAsync(row.Id, cancellationToken));
        return (bulletin, modified);
    }

    /// <summary>The instant in Vietnam time with its +07:00 offset, to the second (as every other date the portal writes).</summary>
    private static DateTimeOffset Vietnam(DateTime utc)
    {
        var local = VietnamTime.ToVietnam(utc);
        return new DateTimeOffset(local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond)), VietnamTime.Offset);
    }

    /// <summary>Stored covers are site paths (uploads) or, for imported bulletins, addresses on other government sites.</summary>
    private static string? Cover(string? path, Func<string, string> absolute) =>
        path is null ? null : IsSitePath(path) ? absolute(path) : path;

    private static bool IsSitePath(string? value) =>
        value is { Length: > 0 } && value[0] == '/' && !value.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Links and images that point into the portal ("/uploads/…") made absolute, so the body works wherever it is shown.</summary>
    private static string AbsoluteAddresses(string html, Func<string, string> absolute)
    {
        if (!html.Contains("=\"/", StringComparison.Ordinal))
        {
            return html;
        }

        var body = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        foreach (var element in body.QuerySelectorAll("[href], [src]"))
        {
            foreach (var name in (string[])["href", "src"])
            {
                if (element.GetAttribute(name) is { } value && IsSitePath(value))
                {
                    element.SetAttribute(name, absolute(value));
                }
            }
        }

        return body.InnerHtml;
    }

    /// <summary>The body's text, one block (paragraph, heading, list item, caption) a line.</summary>
    private static string PlainText(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var lines = document.Body!.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, td, th, pre")
            .Where(e => e.QuerySelector("p, li, blockquote, pre") is null)
            .Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private sealed record SummaryRow(
        int Id, string Title, string Slug, string Lead, DateTime PublishedAtUtc, string CategorySlug, string CategoryName,
        string UnitSlug, string UnitName, string? CoverImagePath);
}
