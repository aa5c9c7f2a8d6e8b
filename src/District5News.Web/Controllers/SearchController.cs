using District5News.Web.Features.Caching;
using District5News.Web.Features.Search;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

[NoPageCache]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimitingExtensions.SearchPolicy)]
public sealed class SearchController(ArticleSearch search) : PublicController
{
    [HttpGet(SiteRoutes.Search)]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        if (!TryGetPage(page, out var pageNumber, out var badInput))
        {
            return badInput;
        }

        // The form's own address, reached without a query (a link checker, a bookmark): the page to search from.
        if (string.IsNullOrWhiteSpace(q))
        {
            return View(new SearchPageViewModel(string.Empty, null, null));
        }

        if (!SearchQuery.TryParse(q, out var query, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPageViewModel(q ?? string.Empty, null, error));
        }

        var results = await search.SearchAsync(query!, pageNumber, cancellationToken);
        if (pageNumber > results.Page.PageCount)
        {
            return NotFoundPage($"Kết quả tìm kiếm chỉ có {results.Page.PageCount} trang.");
        }

        return View(new SearchPageViewModel(query!.Text, results, null));
    }
}
