using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>A publishing unit's bulletins: a ward's with its predecessors', an old ward's own, the district's archive.</summary>
public sealed class UnitsController(UnitQueries units) : PublicController
{
    [HttpGet(SiteRoutes.Unit)]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        if (!TryGetPage(page, out var pageNumber, out var badInput))
        {
            return badInput;
        }

        var model = await units.GetPageAsync(slug, pageNumber, cancellationToken);
        if (model is null)
        {
            return NotFoundPage("Không tìm thấy đơn vị này. Các đơn vị: Phường Chợ Quán, Phường An Đông, Phường Chợ Lớn và lưu trữ của UBND Quận 5.");
        }

        if (pageNumber > model.Articles.PageCount)
        {
            return NotFoundPage($"Trang của {model.Name} chỉ có {model.Articles.PageCount} trang.");
        }

        return View(model);
    }
}
