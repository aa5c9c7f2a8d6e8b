using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Units;
using District5News.Web.Features.Uploads;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>
/// Bulletins in the back office: list, write, edit, publish, history, move to the trash. Editors act only on their
/// units' bulletins, administrators on all: every action asks <see cref="BulletinAccess"/> first (403 otherwise) and
/// the list is filtered by the user's <see cref="UnitScope"/> in the query.
/// </summary>
public sealed class ArticlesController(
    EditorQueries queries, ArticleEditor editor, SaveArticleHandler save, DeleteConfirmations confirmations, ArticlePreview preview,
    BulletinAccess access) : AdminController
{
    private const string NotFoundMessage = "Không tìm thấy bản tin này. Bản tin có thể đã bị xóa hoặc chuyển vào thùng rác.";

    [HttpGet(AdminRoutes.Articles)]
    public async Task<IActionResult> Index(ArticleListFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageRequest.TryValidate(filter.Page, out var page))
        {
            return BadInput("Bộ lọc hoặc số trang không hợp lệ.");
        }

        return View(await queries.GetListAsync(filter, page, await access.ScopeAsync(User, cancellationToken), cancellationToken));
    }

    [HttpGet(AdminRoutes.ArticleCreate)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User, cancellationToken);
        return scope.IsEmpty
            ? ForbiddenPage(BulletinAccess.NoUnitMessage)
            : View("Form", await queries.GetNewFormAsync(StaffMember.From(User).Id, scope, cancellationToken));
    }

    [HttpPost(AdminRoutes.ArticleCreate)]
    [TypeFilter<CoverUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public Task<IActionResult> Create([Bind(Prefix = "Input")] ArticleEditInput input, CancellationToken cancellationToken) =>
        SaveAsync(null, input, cancellationToken);

    [HttpGet(AdminRoutes.ArticleEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await queries.GetEditFormAsync(id, await access.ScopeAsync(User, cancellationToken), cancellationToken) is { } form
            ? View("Form", form)
            : NotFoundPage(NotFoundMessage);
    }

    [HttpPost(AdminRoutes.ArticleEdit)]
    [TypeFilter<CoverUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] ArticleEditInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, cancellationToken);

    /// <summary>"Xem trước": the form posted here (its second submit button) shows as residents would see it; nothing is saved.</summary>
    [HttpPost(AdminRoutes.ArticlePreview)]
    [TypeFilter<CoverUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public Task<IActionResult> Preview([Bind(Prefix = "Input")] ArticleEditInput input, CancellationToken cancellationToken) =>
        PreviewAsync(null, input, cancellationToken);

    [HttpPost(AdminRoutes.ArticleEditPreview)]
    [TypeFilter<CoverUploadLimitFilter>(Order = UploadLimitFilter.RunsBeforeAntiforgery)]
    public Task<IActionResult> Preview(int id, [Bind(Prefix = "Input")] ArticleEditInput input, CancellationToken cancellationToken) =>
        PreviewAsync(id, input, cancellationToken);

    /// <summary>The second step, as a page: the form's "Xóa" is a link here (JavaScript opens the same question in a dialog).</summary>
    [HttpGet(AdminRoutes.ArticleDelete)]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Trash, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await confirmations.MoveToTrashAsync(id, cancellationToken) is { } confirm ? View("Confirm", confirm) : NotFoundPage(NotFoundMessage);
    }

    [HttpPost(AdminRoutes.ArticleDelete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Trash, cancellationToken) is { } denied)
        {
            return denied;
        }

        var title = await editor.MoveToTrashAsync(id, cancellationToken);
        if (title is null)
        {
            return NotFoundPage(NotFoundMessage);
        }

        TempData["Message"] = $"Đã chuyển bản tin “{title}” vào thùng rác.";
        TempData[UndoTrash.Key] = id;
        return Redirect(EditorUrls.ListPath);
    }

    [HttpGet(AdminRoutes.ArticleHistory)]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await queries.GetHistoryAsync(id, cancellationToken) is { } history ? View(history) : NotFoundPage(NotFoundMessage);
    }

    [HttpGet(AdminRoutes.ArticleRevision)]
    public async Task<IActionResult> Revision(int id, int revisionId, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await queries.GetRevisionAsync(id, revisionId, cancellationToken) is { } revision
            ? View(revision)
            : NotFoundPage("Không tìm thấy phiên bản này của bản tin.");
    }

    [HttpPost(AdminRoutes.ArticleRevisionRestore)]
    public async Task<IActionResult> RestoreRevision(int id, int revisionId, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, BulletinOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await editor.RestoreRevisionAsync(id, revisionId, StaffMember.From(User), cancellationToken))
        {
            return NotFoundPage("Không tìm thấy phiên bản này của bản tin.");
        }

        TempData["Message"] = "Đã khôi phục phiên bản cũ. Phiên bản trước đó vẫn được giữ trong lịch sử.";
        return Redirect(EditorUrls.Edit(id));
    }

    private async Task<IActionResult> PreviewAsync(int? id, ArticleEditInput input, CancellationToken cancellationToken)
    {
        if (await DenyFormAsync(id, input, cancellationToken) is { } denied)
        {
            return denied;
        }

        var model = await preview.BuildAsync(id, input, StaffMember.From(User).Id, cancellationToken);

        // Never kept by a browser or a proxy, never indexed: the page exists only for the staff member who asked.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("~/Views/Articles/Preview.cshtml", model);
    }

    private async Task<IActionResult> SaveAsync(int? id, ArticleEditInput input, CancellationToken cancellationToken)
    {
        if (await DenyFormAsync(id, input, cancellationToken) is { } denied)
        {
            return denied;
        }

        // The command checks the whole input itself; what model binding recorded would only repeat its messages.
        ModelState.Clear();
        var scope = await access.ScopeAsync(User, cancellationToken);
        switch (await save.HandleAsync(new SaveArticleCommand(id, input, StaffMember.From(User)), cancellationToken))
        {
            case SaveArticleResult.Saved saved:
                TempData["Message"] = saved.Message;
                return Redirect(EditorUrls.Edit(saved.ArticleId));
            case SaveArticleResult.Conflict conflict:
                if (await queries.GetConflictFormAsync(conflict.ArticleId, input, conflict.CoverDropped, scope, cancellationToken) is not { } conflictForm)
                {
                    return NotFoundPage(NotFoundMessage);
                }

                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", conflictForm);
            case SaveArticleResult.NotSaved notSaved:
                var keptForm = await queries.GetFormAsync(id, input.Version, input, conflict: null, scope, cancellationToken);
                keptForm.NotSaved = new NotSavedViewModel(notSaved.CoverDropped);
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "60";
                return View("Form", keptForm);
            case SaveArticleResult.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : "Input." + error.Field, error.Message);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Form", await queries.GetFormAsync(id, input.Version, input, conflict: null, scope, cancellationToken));
            default:
                return NotFoundPage(NotFoundMessage);
        }
    }

    /// <summary>The page to answer instead when the user may not do <paramref name="operation"/> to bulletin <paramref name="id"/> (404 or 403); null to go on.</summary>
    private async Task<IActionResult?> DenyAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        CancellationToken cancellationToken) =>
        await access.CheckArticleAsync(User, id, operation, cancellationToken) switch
        {
            BulletinAccessResult.Missing => NotFoundPage(NotFoundMessage),
            BulletinAccessResult.Denied denied => ForbiddenPage(denied.Message),
            _ => null,
        };

    /// <summary>
    /// A posted form (save or preview): the bulletin, when it exists, must be the user's to edit, and the unit chosen
    /// must be one the user may publish for, whatever the select offered. An unknown unit is left to the form's own check.
    /// </summary>
    private async Task<IActionResult?> DenyFormAsync(int? id, ArticleEditInput input, CancellationToken cancellationToken)
    {
        if (id is { } articleId && await access.CheckArticleAsync(User, articleId, BulletinOperations.Edit, cancellationToken) is BulletinAccessResult.Denied article)
        {
            return ForbiddenPage(article.Message);
        }

        return await access.CheckUnitAsync(User, input.UnitId, cancellationToken) is BulletinAccessResult.Denied unit ? ForbiddenPage(unit.Message) : null;
    }
}
