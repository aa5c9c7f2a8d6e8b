using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>
/// Deleted bulletins. An editor sees and brings back only their units' bulletins (filtered in the query, checked again
/// on restore); an administrator sees all and alone deletes for good, after a confirmation step.
/// </summary>
public sealed class TrashController(EditorQueries queries, ArticleEditor editor, DeleteConfirmations confirmations, BulletinAccess access) : AdminController
{
    [HttpGet(AdminRoutes.Trash)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageRequest.TryValidate(page, out var pageNumber))
        {
            return BadInput("Số trang không hợp lệ.");
        }

        return View(await queries.GetTrashAsync(
            pageNumber, User.IsInRole(StaffRoles.Administrator), await access.ScopeAsync(User, cancellationToken), cancellationToken));
    }

    /// <param name="undo">Sent by the "Hoàn tác" button after a move to the trash: back to the bulletin instead of the trash.</param>
    [HttpPost(AdminRoutes.TrashRestore)]
    public async Task<IActionResult> Restore(int id, bool undo, CancellationToken cancellationToken)
    {
        if (await access.CheckArticleAsync(User, id, BulletinOperations.Restore, cancellationToken) is BulletinAccessResult.Denied denied)
        {
            return ForbiddenPage(denied.Message);
        }

        var title = await editor.RestoreFromTrashAsync(id, cancellationToken);
        if (title is null || !undo)
        {
            return BackToTrash(title, "Đã khôi phục bản tin “{0}” với trạng thái như trước khi xóa.");
        }

        TempData["Message"] = $"Đã hoàn tác: bản tin “{title}” đã trở lại với trạng thái như trước khi xóa.";
        return Redirect(EditorUrls.Edit(id));
    }

    [HttpGet(AdminRoutes.TrashPurge)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> ConfirmPurge(int id, CancellationToken cancellationToken) =>
        await confirmations.PurgeAsync(id, cancellationToken) is { } confirm
            ? View("Confirm", confirm)
            : NotFoundPage("Không tìm thấy bản tin này trong thùng rác.");

    [HttpPost(AdminRoutes.TrashPurge)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> Purge(int id, CancellationToken cancellationToken)
    {
        return BackToTrash(await editor.PurgeAsync(id, cancellationToken), "Đã xóa hẳn bản tin “{0}”.");
    }

    [HttpGet(AdminRoutes.TrashEmpty)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> ConfirmEmptyTrash(CancellationToken cancellationToken)
    {
        if (await confirmations.EmptyTrashAsync(cancellationToken) is { } confirm)
        {
            return View("Confirm", confirm);
        }

        TempData["Message"] = "Thùng rác đã trống.";
        return Redirect(EditorUrls.Trash);
    }

    /// <param name="upTo">The newest deletion the confirmation showed (UTC ticks): anything trashed later is kept.</param>
    [HttpPost(AdminRoutes.TrashEmpty)]
    [Authorize(Policy = StaffPolicies.Administrator)]
    public async Task<IActionResult> EmptyTrash(long? upTo, CancellationToken cancellationToken)
    {
        if (upTo is < 0 or > 3155378975999999999)
        {
            return BadInput("Yêu cầu dọn thùng rác không hợp lệ. Vui lòng mở lại thùng rác rồi thử lại.");
        }

        var count = await editor.EmptyTrashAsync(upTo is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null, cancellationToken);
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
