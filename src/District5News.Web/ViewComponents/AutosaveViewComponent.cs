using District5News.Web.Features.Autosave;
using District5News.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>
/// The bulletin form's autosave: on a freshly opened form, the offer of the staff member's own draft (or the notice
/// that it was restored), and the settings autosave.js reads (where to post, the key of the copy kept on the device,
/// the server's clock and the times of the stored bulletin and the draft).
/// </summary>
public sealed class AutosaveViewComponent(EditorDrafts drafts, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ArticleFormViewModel form)
    {
        var userId = StaffMember.From(UserClaimsPrincipal).Id;
        var opened = HttpMethods.IsGet(HttpContext.Request.Method);
        var offer = opened && form.RestoredDraftAtUtc is null ? await drafts.OfferAsync(userId, form.Id, HttpContext.RequestAborted) : null;
        return View(new AutosaveViewModel(
            AutosaveUrls.Save(form.Id),
            $"d5-tu-luu:{userId}:{form.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "moi"}",
            AutosaveText.UnixMilliseconds(clock.GetUtcNow().UtcDateTime),
            form.Saved is { } saved ? AutosaveText.UnixMilliseconds(saved.UpdatedAtUtc) : 0,
            offer is { } o ? AutosaveText.UnixMilliseconds(o.SavedAtUtc) : form.RestoredDraftAtUtc is { } r ? AutosaveText.UnixMilliseconds(r) : 0,
            opened,
            opened && TempData.Peek("Message") is not null,
            offer,
            form.RestoredDraftAtUtc));
    }
}

/// <param name="Opened">The form was opened (GET), not sent back after a save that did not go through.</param>
/// <param name="JustSaved">The page follows a save that went through: copies kept on the device for a form that was sent are done with.</param>
public sealed record AutosaveViewModel(
    string SaveUrl,
    string StorageKey,
    long ServerNow,
    long StoredAt,
    long DraftAt,
    bool Opened,
    bool JustSaved,
    DraftOffer? Offer,
    DateTime? RestoredAtUtc);
