using District5News.Web.Features.Articles;
using District5News.Web.Features.Paging;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

public sealed class CategoriesController(ArticleQueries articles) : PublicController
{
    [HttpGet("/chuyen-muc/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        if (HasInvalidInput(out var invalid) || !PageRequest.TryValidate(page, out var pageNumber))
        {
            return invalid ?? BadInput("Số trang không hợp lệ: số trang phải là số nguyên dương.");
        }

        var model = await articles.GetCategoryPageAsync(slug, pageNumber, cancellationToken);
        if (model is null)
        {
            return NotFoundPage("Không tìm thấy chuyên mục này.");
        }

        if (pageNumber > model.Articles.PageCount)
        {
            return NotFoundPage($"Chuyên mục “{model.CategoryName}” chỉ có {model.Articles.PageCount} trang.");
        }

        return View(model);
    }
}
