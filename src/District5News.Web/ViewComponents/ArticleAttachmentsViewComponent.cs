using District5News.Web.Features.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>The files attached to a bulletin, listed under it on its public page (nothing when there are none).</summary>
public sealed class ArticleAttachmentsViewComponent(AttachmentQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId) =>
        View(await queries.ListAsync(articleId, HttpContext.RequestAborted));
}
