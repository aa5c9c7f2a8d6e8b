using District5News.Web.Features.Accounts;
using District5News.Web.Features.Import;
using District5News.Web.Features.Uploads;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>"Nhập tin cũ": upload saved pages of the old portal (files or zips) and read the import report.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class ImportController(OldPortalImporter importer, IOptions<ImportOptions> options) : AdminController
{
    [HttpGet(AdminRoutes.Import)]
    public IActionResult Index() => View(new ImportPageViewModel(options.Value.MaxUploadBytes));

    [HttpPost(AdminRoutes.Import)]
    [TypeFilter<ImportUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public async Task<IActionResult> Index(ImportUploadInput input)
    {
        var page = new ImportPageViewModel(options.Value.MaxUploadBytes, input.DryRun);
        if (!ModelState.IsValid)
        {
            // Only a hand-made request gets here (e.g. DryRun=abc); the binder's own messages are in English.
            ModelState.Clear();
            return InvalidForm(page, "Dữ liệu gửi lên không hợp lệ. Hãy chọn lại tệp và thử lại.");
        }

        if (input.Files.Count == 0)
        {
            return InvalidForm(page, "Hãy chọn ít nhất một tệp trang tin đã lưu hoặc một tệp nén .zip.");
        }

        // Not the request's token: each bulletin is committed on its own, so a closed tab would leave the import
        // half-done with nobody reading the report; an import is bounded by the upload limits anyway.
        var result = await importer.ImportUploadsAsync(input.Files, input.DryRun, User.Identity?.Name, CancellationToken.None);
        if (result.Refusal is not null)
        {
            ModelState.AddModelError(string.Empty, result.Refusal);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return View(page);
        }

        return View(page with { Report = result.Report });
    }
}
