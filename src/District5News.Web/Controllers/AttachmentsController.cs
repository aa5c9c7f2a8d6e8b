using District5News.Web.Features.Accounts;
using District5News.Web.Features.Attachments;
using District5News.Web.Features.Files;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>Downloads of files attached to bulletins: anyone for a bulletin residents can see, staff for the others.</summary>
public sealed class AttachmentsController(AttachmentQueries queries, ArticleAttachmentStore store, IAuthorizationService authorization) : Controller
{
    private const string NotFoundMessage = "Không tìm thấy tệp đính kèm này. Tệp có thể đã được gỡ khỏi bản tin.";

    [HttpGet(SiteRoutes.Attachment)]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var file = await queries.FindAsync(id, cancellationToken);
        if (file is null || (!file.Public && !(await authorization.AuthorizeAsync(User, StaffPolicies.Staff)).Succeeded))
        {
            return this.NotFoundPage(NotFoundMessage);
        }

        if (store.Open(file.StoredPath) is not { } stream)
        {
            return this.NotFoundPage(NotFoundMessage);
        }

        // Always a download, never rendered in the portal's origin; the name goes as filename* (RFC 5987) so Vietnamese survives.
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = file.Public ? "public, max-age=300" : "private, no-store";
        return File(stream, DocumentKinds.ContentType(file.Kind), file.FileName, enableRangeProcessing: true);
    }
}
