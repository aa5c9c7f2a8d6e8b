using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Deleted bulletins. Every staff member can see what is here; only an administrator can bring one back or delete it for good.</summary>
public sealed class TrashController(EditorQueries queries, ArticleEditor editor) : AdminController
{
    [HttpGet(AdminRoutes.Trash)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageRequest.TryValidate(page, out var pageNumber))
        {
            return BadInput("Số trang không hợp lệ.");
        }

        return View(await queries.GetTrashAsync(pageNumber, User.IsInRole(StaffRoles.Administrator), cancellationToken));
    }

    [HttpPost(AdminRoutes.TrashRestore)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken)
    {
        return BackToTrash(await editor.RestoreFromTrashAsync(id, cancellationToken), "Đã khôi phục bản tin “{0}” với trạng thái như trước khi xóa.");
    }

    [HttpPost(AdminRoutes.TrashPurge)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> Purge(int id, CancellationToken cancellationToken)
    {
        return BackToTrash(await editor.PurgeAsync(id, cancellationToken), "Đã xóa hẳn bản tin “{0}”.");
    }

    [HttpPost(AdminRoutes.TrashEmpty)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> EmptyTrash(CancellationToken cancellationToken)
    {
        var count = await editor.EmptyTrashAsync(cancellationToken);
        TempData["Message"] = count == 0 ? "Thùng rác đã trống." : $"Đã xóa hẳn {count} bản tin trong thùng rác.";
        return Redirect(EditorUrls.Trash);
    }

    /// <summary>Back to the trash with <paramref name="done"/> about the bulletin titled <paramref name="title"/>; 404 when it was not there.</summary>
    private IActionResult BackToTrash(string? title, string done)
    {
        if (title is null)
        {
            return NotFoundPage("Không tìm thấy bản tin này trong thùng rác.");
        }

        TempData["Message"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, title);
        return Redirect(EditorUrls.Trash);
    }
}
