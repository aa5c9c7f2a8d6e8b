using District5News.Web.Features.Attachments;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Documents;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>The documents library (Nghị định 42/2022/NĐ-CP, Art. 4(1)): list with search and filters, one document.</summary>
public sealed class DocumentsController(LegalDocuments documents) : PublicController
{
    [HttpGet(SiteRoutes.Documents)]
    [PageCached(VaryByQuery = [DocumentQueryKeys.Q, DocumentQueryKeys.Type, DocumentQueryKeys.Unit, DocumentQueryKeys.Year, DocumentQueryKeys.Page])]
    public async Task<IActionResult> Index(
        [FromQuery(Name = DocumentQueryKeys.Q)] string? q,
        [FromQuery(Name = DocumentQueryKeys.Type)] string? type,
        [FromQuery(Name = DocumentQueryKeys.Unit)] string? unit,
        [FromQuery(Name = DocumentQueryKeys.Year)] int? year,
        int? page,
        CancellationToken cancellationToken)
    {
        if (!TryGetPage(page, out var pageNumber, out var badInput))
        {
            return badInput;
        }

        var filter = new DocumentFilter(Blank(q), Blank(type), Blank(unit), year, pageNumber);
        var (model, error) = await documents.ListAsync(filter, cancellationToken);
        if (model is null)
        {
            return BadInput(error!);
        }

        return pageNumber > model.Documents.PageCount
            ? NotFoundPage($"Danh sách văn bản chỉ có {model.Documents.PageCount} trang.")
            : View(model);
    }

    [HttpGet(SiteRoutes.Document)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        if (await documents.GetAsync(id, cancellationToken) is not { } document)
        {
            return NotFoundPage("Không tìm thấy văn bản này. Văn bản có thể đã được gỡ khỏi thư viện.");
        }

        return slug == document.Slug ? View(document) : RedirectPermanent(document.Url);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A document's PDF: always a download (never rendered in the portal's origin), not counted as a page view.</summary>
public sealed class DocumentFilesController(LegalDocuments documents, ArticleAttachmentStore store) : Controller
{
    [HttpGet(SiteRoutes.DocumentFile)]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        if (await documents.FindFileAsync(id, cancellationToken) is not { } file || store.Open(file.StoredPath) is not { } stream)
        {
            return this.NotFoundPage("Không tìm thấy tệp của văn bản này. Văn bản có thể đã được gỡ khỏi thư viện.");
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=300";
        return File(stream, "application/pdf", file.FileName, enableRangeProcessing: true);
    }
}
