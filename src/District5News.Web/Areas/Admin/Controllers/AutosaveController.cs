using District5News.Web.Features.Accounts;
using District5News.Web.Features.Autosave;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>
/// The bulletin form's autosave: the script posts what is typed (JSON answer; 401 JSON when the sign-in has expired),
/// and on return the form offers the staff member's own draft back or discards it.
/// </summary>
public sealed class AutosaveController(EditorDrafts drafts, EditorQueries queries, BulletinAccess access) : AdminController
{
    /// <summary>A body at the editor's limit is 500.000 characters: a Vietnamese letter is up to nine once url-encoded (%E1%BB%87).</summary>
    private const int RequestLimitBytes = 8 * 1024 * 1024;

    private const string NotFoundMessage = "Không tìm thấy bản tin này. Bản tin có thể đã bị xóa hoặc chuyển vào thùng rác.";

    [HttpPost(AdminRoutes.ArticleAutosave)]
    [JsonChallenge]
    [RequestSizeLimit(RequestLimitBytes)]
    [RequestFormLimits(ValueLengthLimit = RequestLimitBytes)]
    public Task<IActionResult> Save([Bind(Prefix = "Input")] AutosaveInput input, CancellationToken cancellationToken) =>
        SaveAsync(null, input, cancellationToken);

    [HttpPost(AdminRoutes.ArticleEditAutosave)]
    [JsonChallenge]
    [RequestSizeLimit(RequestLimitBytes)]
    [RequestFormLimits(ValueLengthLimit = RequestLimitBytes)]
    public Task<IActionResult> Save(int id, [Bind(Prefix = "Input")] AutosaveInput input, CancellationToken cancellationToken) =>
        SaveAsync(id, input, cancellationToken);

    [HttpGet(AdminRoutes.ArticleDraftRestore)]
    public Task<IActionResult> Restore(CancellationToken cancellationToken) => RestoreAsync(null, cancellationToken);

    [HttpGet(AdminRoutes.ArticleEditDraftRestore)]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => RestoreAsync(id, cancellationToken);

    [HttpPost(AdminRoutes.ArticleDraftDiscard)]
    public Task<IActionResult> Discard(CancellationToken cancellationToken) => DiscardAsync(null, cancellationToken);

    [HttpPost(AdminRoutes.ArticleEditDraftDiscard)]
    public Task<IActionResult> Discard(int id, CancellationToken cancellationToken) => DiscardAsync(id, cancellationToken);

    private async Task<IActionResult> SaveAsync(int? id, AutosaveInput input, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (StaffMember.From(User).Id is not { } userId)
        {
            return Unauthorized(new { error = "signed-out", message = JsonChallengeAttribute.SignedOutMessage });
        }

        if (id is { } articleId
            && await access.CheckArticleAsync(User, articleId, BulletinOperations.Edit, cancellationToken) is BulletinAccessResult.Denied denied)
        {
            return StatusCode(StatusCodes.Status403Forbidden, new { error = "forbidden", message = denied.Message });
        }

        var savedAt = await drafts.SaveAsync(userId, id, input, cancellationToken);
        return savedAt is { } at
            ? Json(new { savedAt = at, savedAtText = AutosaveText.Time(at) })
            : NotFound(new { error = "not-found", message = NotFoundMessage });
    }

    private async Task<IActionResult> RestoreAsync(int? id, CancellationToken cancellationToken)
    {
        var userId = StaffMember.From(User).Id;
        var formUrl = id is { } articleId ? EditorUrls.Edit(articleId) : EditorUrls.Create;
        var scope = await access.ScopeAsync(User, cancellationToken);
        if (scope.IsEmpty)
        {
            return ForbiddenPage(BulletinAccess.NoUnitMessage);
        }

        ArticleFormViewModel? stored = null;
        if (id is { } existing)
        {
            switch (await access.CheckArticleAsync(User, existing, BulletinOperations.Edit, cancellationToken))
            {
                case BulletinAccessResult.Missing:
                    return NotFoundPage(NotFoundMessage);
                case BulletinAccessResult.Denied denied:
                    return ForbiddenPage(denied.Message);
            }

            if ((stored = await queries.GetEditFormAsync(existing, scope, cancellationToken)) is null)
            {
                return NotFoundPage(NotFoundMessage);
            }
        }

        if (await drafts.FindAsync(userId, id, cancellationToken) is not { } draft)
        {
            TempData["Message"] = "Không còn bản nháp tự lưu nào khác với bản đã lưu.";
            return Redirect(formUrl);
        }

        var input = EditorDrafts.ToInput(draft);
        ArticleFormViewModel form;
        if (stored is null)
        {
            var blank = await queries.GetNewFormAsync(userId, scope, cancellationToken);
            // Drafts keep what was typed, not the unit select: a new bulletin's draft takes the form's default unit.
            input.UnitId ??= blank.Input.UnitId;
            form = new ArticleFormViewModel { Input = input, Categories = blank.Categories, Units = blank.Units, AuthorDisplayName = blank.AuthorDisplayName };
        }
        else
        {
            // The unit stays the stored bulletin's (drafts keep what was typed; moving a bulletin between units is a save).
            input.UnitId ??= stored.Input.UnitId;

            // The version the draft was typed on: when someone saved since, saving this is a conflict, never an overwrite.
            form = await queries.GetFormAsync(id, input.Version ?? stored.Version, input, conflict: null, scope, cancellationToken);
        }

        form.RestoredDraftAtUtc = draft.UpdatedAtUtc;
        Response.Headers.CacheControl = "no-store";
        return View("~/Areas/Admin/Views/Articles/Form.cshtml", form);
    }

    private async Task<IActionResult> DiscardAsync(int? id, CancellationToken cancellationToken)
    {
        await drafts.DeleteAsync(StaffMember.From(User).Id, id, cancellationToken);
        TempData["Message"] = "Đã bỏ bản nháp tự lưu.";
        return Redirect(id is { } articleId ? EditorUrls.Edit(articleId) : EditorUrls.Create);
    }
}
