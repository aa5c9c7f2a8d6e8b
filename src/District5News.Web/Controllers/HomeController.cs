using District5News.Web.Features.Articles;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

public sealed class HomeController(ArticleQueries articles) : PublicController
{
    [HttpGet(SiteRoutes.Home)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await articles.GetHomeAsync(cancellationToken));
}
