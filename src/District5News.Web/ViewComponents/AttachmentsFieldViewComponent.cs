using District5News.Web.Features.Attachments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace District5News.Web.ViewComponents;

/// <summary>The bulletin form's attachments field: the files attached so far (each removable on save) and a picker for more.</summary>
public sealed class AttachmentsFieldViewComponent(AttachmentQueries queries, IOptions<AttachmentOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? articleId, IReadOnlyCollection<int> removing)
    {
        var files = articleId is { } id ? await queries.ListAsync(id, HttpContext.RequestAborted) : [];
        return View(new AttachmentsFieldViewModel(files, removing, options.Value.MaxFileBytes));
    }
}

public sealed record AttachmentsFieldViewModel(IReadOnlyList<AttachmentItem> Files, IReadOnlyCollection<int> Removing, long MaxFileBytes);
