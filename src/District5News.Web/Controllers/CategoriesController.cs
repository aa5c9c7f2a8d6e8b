using District5News.Web.Features.Articles;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

public sealed class CategoriesController(ArticleQueries articles) : PublicController
{
    [HttpGet(SiteRoutes.Category)]
    public async Task<IActionResult> Show(string slug, int? page, [FromQuery(Name = ArticleUrls.CategoryAfterParameter)] int? after, CancellationToken cancellationToken)
    {
        if (!TryGetPage(page, out var pageNumber, out var badInput))
        {
            return badInput;
        }

        if (after is { } lastShown)
        {
            // "Xem tiếp" under an article names the last bulletin it showed; the listing's own address is its page.
            return Redirect(ArticleUrls.Category(slug, await articles.CategoryPageAfterAsync(slug, lastShown, cancellationToken)));
        }

        var model = await articles.GetCategoryPageAsync(slug, pageNumber, cancellationToken);
        if (model is null)
        {
            // A renamed category keeps its old addresses: links and bookmarks arrive at the new one.
            return await articles.FindRenamedCategoryAsync(slug, cancellationToken) is { } currentSlug
                ? RedirectPermanent(ArticleUrls.Category(currentSlug, pageNumber))
                : NotFoundPage("Không tìm thấy chuyên mục này.");
        }

        if (pageNumber > model.Articles.PageCount)
        {
            return NotFoundPage($"Chuyên mục “{model.CategoryName}” chỉ có {model.Articles.PageCount} trang.");
        }

        return View(model);
    }
}
