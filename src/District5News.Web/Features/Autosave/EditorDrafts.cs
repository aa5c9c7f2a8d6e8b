using District5News.Web.Data;
using District5News.Web.Data.Configurations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Autosave;

/// <summary>What the form's autosave posts: the fields as typed, under the form's own names (Input.Title, …).</summary>
public sealed class AutosaveInput
{
    public string? Title { get; set; }

    public string? Lead { get; set; }

    public string? Body { get; set; }

    /// <summary>As sent: a category the form could not have sent is simply not kept.</summary>
    public string? CategoryId { get; set; }

    public string? PublishDate { get; set; }

    public string? PublishTime { get; set; }

    public bool ByNewsroom { get; set; }

    /// <summary>The bulletin's version the form was loaded from.</summary>
    public string? Version { get; set; }
}

/// <summary>A draft worth offering on the form: its time, and where "Khôi phục" and "Bỏ bản nháp" go.</summary>
public sealed record DraftOffer(DateTime SavedAtUtc, string RestoreUrl, string DiscardUrl);

/// <summary>Addresses of a form's autosave, by bulletin (null: a bulletin not saved yet).</summary>
public static class AutosaveUrls
{
    public static string Save(int? articleId) =>
        articleId is { } id ? Routing.RouteLink.Fill(Routing.AdminRoutes.ArticleEditAutosave, ("id", id)) : Routing.AdminRoutes.ArticleAutosave;

    public static string Restore(int? articleId) =>
        articleId is { } id ? Routing.RouteLink.Fill(Routing.AdminRoutes.ArticleEditDraftRestore, ("id", id)) : Routing.AdminRoutes.ArticleDraftRestore;

    public static string Discard(int? articleId) =>
        articleId is { } id ? Routing.RouteLink.Fill(Routing.AdminRoutes.ArticleEditDraftDiscard, ("id", id)) : Routing.AdminRoutes.ArticleDraftDiscard;
}

/// <summary>
/// The server-side drafts the bulletin form autosaves (every 30 seconds and when the page is left): one per staff
/// member per bulletin, read only by their owner, deleted when they save the bulletin or discard the draft, and
/// dropped after <see cref="KeptFor"/>. The body is sanitized like every stored body.
/// </summary>
public sealed class EditorDrafts(NewsDbContext db, HtmlBodySanitizer sanitizer, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>Stores what was typed; null when the bulletin is gone (deleted or in the trash).</summary>
    public Task<DateTime?> SaveAsync(string userId, int? articleId, AutosaveInput input, CancellationToken cancellationToken) =>
        SaveAsync(userId, articleId, input, retryOnClash: true, cancellationToken);

    private async Task<DateTime?> SaveAsync(string userId, int? articleId, AutosaveInput input, bool retryOnClash, CancellationToken cancellationToken)
    {
        if (articleId is { } id && !await db.Articles.AnyAsync(a => a.Id == id && a.DeletedAtUtc == null, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await Mine(userId, articleId).OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var isNew = draft is null;
        draft ??= new EditorDraft { UserId = userId, ArticleId = articleId };
        draft.Title = Cut(input.Title, ArticleLimits.TitleLength);
        draft.Lead = Cut(input.Lead, ArticleLimits.LeadLength);
        draft.BodyHtml = input.Body is { Length: > ArticleLimits.BodyLength } ? draft.BodyHtml : sanitizer.Sanitize(input.Body).Html;
        draft.CategoryId = int.TryParse(input.CategoryId, out var categoryId) ? categoryId : null;
        draft.PublishDate = Cut(input.PublishDate, EditorDraftLimits.FieldLength);
        draft.PublishTime = Cut(input.PublishTime, EditorDraftLimits.FieldLength);
        draft.ByNewsroom = input.ByNewsroom;
        draft.BaseVersion = Guid.TryParse(input.Version, out var version) ? version : null;
        draft.UpdatedAtUtc = now;
        if (isNew)
        {
            db.EditorDrafts.Add(draft);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew && retryOnClash)
        {
            // Two saves of the same form crossed (the timer and the page being left): the other one made the row; write into it.
            db.ChangeTracker.Clear();
            return await SaveAsync(userId, articleId, input, retryOnClash: false, cancellationToken);
        }

        if (isNew)
        {
            var cutoff = now - KeptFor;
            await db.EditorDrafts.Where(d => d.UpdatedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return now;
    }

    /// <summary>The staff member's draft of the bulletin, when it says something the stored bulletin does not.</summary>
    public async Task<EditorDraft?> FindAsync(string? userId, int? articleId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        var draft = await Mine(userId, articleId).AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (draft is null || draft.UpdatedAtUtc < clock.GetUtcNow().UtcDateTime - KeptFor)
        {
            return null;
        }

        if (articleId is not { } id)
        {
            return Blank(draft) ? null : draft;
        }

        var stored = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => new { a.Title, a.Lead, a.BodyHtml, a.CategoryId, a.ByNewsroom, a.PublishedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var (date, time) = stored.PublishedAtUtc is { } at
            ? (PublishTimeField.DateText(VietnamTimeOf(at)), PublishTimeField.TimeText(VietnamTimeOf(at)))
            : (string.Empty, string.Empty);
        var same = draft.Title == stored.Title && draft.Lead == stored.Lead && draft.CategoryId == stored.CategoryId
            && draft.ByNewsroom == stored.ByNewsroom && draft.PublishDate.Trim() == date && draft.PublishTime.Trim() == time
            && draft.BodyHtml == sanitizer.SanitizeHtml(stored.BodyHtml).Html;
        return same ? null : draft;
    }

    public async Task<DraftOffer?> OfferAsync(string? userId, int? articleId, CancellationToken cancellationToken) =>
        await FindAsync(userId, articleId, cancellationToken) is { } draft
            ? new DraftOffer(draft.UpdatedAtUtc, AutosaveUrls.Restore(articleId), AutosaveUrls.Discard(articleId))
            : null;

    /// <summary>The bulletin form's input filled from the draft, with the version the draft was typed on.</summary>
    public static ArticleEditInput ToInput(EditorDraft draft) => new()
    {
        Version = draft.BaseVersion,
        Title = draft.Title,
        Lead = draft.Lead,
        Body = draft.BodyHtml,
        CategoryId = draft.CategoryId,
        PublishDate = draft.PublishDate,
        PublishTime = draft.PublishTime,
        ByNewsroom = draft.ByNewsroom,
    };

    public async Task DeleteAsync(string? userId, int? articleId, CancellationToken cancellationToken)
    {
        if (userId is not null)
        {
            await Mine(userId, articleId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private IQueryable<EditorDraft> Mine(string userId, int? articleId) =>
        articleId is { } id
            ? db.EditorDrafts.Where(d => d.UserId == userId && d.ArticleId == id)
            : db.EditorDrafts.Where(d => d.UserId == userId && d.ArticleId == null);

    private static bool Blank(EditorDraft draft) =>
        draft.Title.Trim().Length == 0 && draft.Lead.Trim().Length == 0 && draft.BodyHtml.Length == 0
        && draft.PublishDate.Trim().Length == 0 && draft.PublishTime.Trim().Length == 0;

    private static DateTime VietnamTimeOf(DateTime utc) => Vietnamese.VietnamTime.ToVietnam(utc);

    private static string Cut(string? value, int length)
    {
        var text = value ?? string.Empty;
        return text.Length <= length ? text : text[..length];
    }
}
