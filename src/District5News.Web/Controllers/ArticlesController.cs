using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

public sealed class ArticlesController(ArticleQueries articles) : PublicController
{
    /// <summary>The bulletin; its view is counted by the counting middleware, so cached copies count too.</summary>
    [HttpGet(SiteRoutes.Article)]
    [CountedArticle]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        var model = await articles.GetArticlePageAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFoundPage("Không tìm thấy bản tin này. Bản tin có thể đã được gỡ hoặc địa chỉ không đúng.");
        }

        if (!string.Equals(slug, model.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(model.Url);
        }

        return View(model);
    }
}
