using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Photos;
using District5News.Web.Features.Uploads;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The media library ("Thư viện ảnh"): photos uploaded through the image pipeline, listed for reuse. Editors and administrators.</summary>
public sealed class MediaController(MediaLibrary library) : AdminController
{
    [HttpGet(AdminRoutes.Media)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageRequest.TryValidate(page, out var pageNumber))
        {
            return BadInput("Số trang không hợp lệ.");
        }

        return View(await library.GetPageAsync(pageNumber, cancellationToken));
    }

    /// <summary>The editor's "Ảnh đã tải lên" panel: one page of the newest photos, as JSON.</summary>
    [HttpGet(AdminRoutes.MediaPicker)]
    public async Task<IActionResult> Picker(int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageRequest.TryValidate(page, out var pageNumber))
        {
            return BadRequest(new MediaUploadError("Số trang không hợp lệ."));
        }

        Response.Headers.CacheControl = "no-store";
        return Json(await library.GetPickerPageAsync(pageNumber, cancellationToken));
    }

    [HttpPost(AdminRoutes.Media)]
    [TypeFilter<MediaUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public async Task<IActionResult> Upload([Bind(Prefix = "Input")] MediaUploadInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await library.UploadAsync(input, StaffMember.From(User), cancellationToken);
        var json = MediaAnswers.WantsJson(Request);
        if (result.Saved is { } saved)
        {
            if (json)
            {
                return Json(saved);
            }

            TempData["Message"] = $"Đã tải ảnh “{saved.AltText}” lên thư viện.";
            return Redirect(AdminRoutes.Media);
        }

        if (json)
        {
            return BadRequest(new MediaUploadError(string.Join(" ", result.Errors.Select(e => e.Message))));
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Input." + error.Field, error.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await library.GetPageAsync(1, cancellationToken) with { Input = input });
    }
}
