using System.Globalization;
using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The database or the disk refused the write (<see cref="StorageFailure"/>): the form comes back with everything typed.</summary>
    NotSaved,
}

/// <summary>The result of a save: the bulletin's id when saved, else the form to show again with what the user typed.</summary>
public sealed record SaveResult(SaveOutcome Outcome, int ArticleId, ArticleFormViewModel? Form, IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public string? Message { get; init; }
}

/// <summary>
/// Every change an editor makes to bulletins: create, edit, publish, schedule, unpublish, revisions, trash. Each
/// change keeps the replaced version as a revision, writes its audit entry in the same transaction and clears the
/// public pages' cache.
/// </summary>
public sealed class ArticleEditor(
    NewsDbContext db,
    EditorQueries queries,
    HtmlBodySanitizer sanitizer,
    CoverImageStore covers,
    AuditLog audit,
    PublicContentChanges changes,
    TimeProvider clock,
    ILogger<ArticleEditor> logger)
{
    private static readonly string[] PublishAtFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];

    public static StaffMember Who(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "không rõ");

    /// <summary>Creates (<paramref name="id"/> null) or updates a bulletin from the form.</summary>
    /// <param name="inputValid">False when model binding or the input's own rules already failed: nothing is saved, but every other problem is reported too.</param>
    public async Task<SaveResult> SaveAsync(int? id, ArticleEditInput input, bool inputValid, StaffMember who, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Article? article = null;
        if (id is { } existingId)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == existingId, cancellationToken);
            if (article is null)
            {
                return new SaveResult(SaveOutcome.NotFound, existingId, null, []);
            }
        }

        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field.Length == 0 ? string.Empty : "Input." + field, message));

        var intent = input.Intent ?? (article?.Status switch
        {
            ArticleStatus.Published => SaveIntents.Publish,
            ArticleStatus.Unpublished => SaveIntents.Unpublish,
            _ => SaveIntents.Draft,
        });
        if (intent is not (SaveIntents.Draft or SaveIntents.Publish or SaveIntents.Unpublish))
        {
            Error(string.Empty, "Thao tác không hợp lệ. Vui lòng dùng các nút Lưu nháp, Đăng hoặc Gỡ bản tin.");
        }

        DateTime? chosenUtc = null;
        if (!string.IsNullOrWhiteSpace(input.PublishAt))
        {
            if (DateTime.TryParseExact(input.PublishAt.Trim(), PublishAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local.Year is >= 1975 and <= 2100)
            {
                chosenUtc = VietnamTime.ToUtc(local);
            }
            else
            {
                Error(nameof(input.PublishAt), "Thời điểm đăng không hợp lệ. Vui lòng chọn ngày và giờ (giờ Việt Nam).");
            }
        }

        if (input.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            Error(nameof(input.CategoryId), "Chuyên mục không tồn tại. Vui lòng chọn lại.");
        }

        var bodyHtml = SanitizedHtml.Empty;
        if (input.Body is { Length: > ArticleLimits.BodyLength })
        {
            Error(nameof(input.Body), $"Nội dung quá dài (tối đa {VietnameseFormat.Number(ArticleLimits.BodyLength)} ký tự).");
        }
        else
        {
            bodyHtml = sanitizer.Sanitize(input.Body);
        }

        var bodyText = ArticleHtml.ToPlainText(bodyHtml.Html);
        if (intent == SaveIntents.Publish && bodyText.Length == 0 && !bodyHtml.Html.Contains("<img", StringComparison.Ordinal))
        {
            Error(nameof(input.Body), "Vui lòng nhập nội dung bản tin trước khi đăng.");
        }

        CoverImageKind? coverKind = null;
        if (input.Cover is { } cover)
        {
            var (kind, coverError) = await CoverImageStore.CheckAsync(cover, cancellationToken);
            coverKind = kind;
            if (coverError is not null)
            {
                Error(nameof(input.Cover), coverError);
            }
        }

        if (id is not null && input.Version is null)
        {
            Error(string.Empty, "Biểu mẫu thiếu thông tin phiên bản. Vui lòng tải lại trang sửa bản tin.");
        }

        if (!inputValid || errors.Count > 0)
        {
            if (input.Cover is not null && coverKind is not null)
            {
                Error(nameof(input.Cover), "Ảnh bìa chưa được lưu vì biểu mẫu còn lỗi: vui lòng chọn lại ảnh khi lưu.");
            }

            return new SaveResult(SaveOutcome.Invalid, id ?? 0, await queries.GetFormAsync(id, input.Version, input, null, cancellationToken), errors);
        }

        if (article is { DeletedAtUtc: not null })
        {
            return await ConflictAsync(article.Id, input, coverDropped: input.Cover is not null, cancellationToken);
        }

        // The form shows minutes only: an unchanged field must not move a time saved with seconds (a "publish now").
        if (article is { PublishTimeChosen: true } && chosenUtc is { } chosen
            && EditorQueries.ToInputValue(chosen) == EditorQueries.ToInputValue(article.PublishedAtUtc))
        {
            chosenUtc = article.PublishedAtUtc;
        }

        var isNew = article is null;
        article ??= new Article { CreatedAtUtc = now, AuthorId = who.Id, AuthorName = who.Name };
        var before = isNew ? null : Snapshot(article);

        article.CategoryId = input.CategoryId!.Value;
        article.SetContent(input.Title!, input.Lead ?? string.Empty, bodyHtml, bodyText);
        if (input.RemoveCover)
        {
            article.CoverImagePath = null;
        }

        switch (intent)
        {
            case SaveIntents.Publish:
                article.Publish(chosenUtc ?? now);
                break;
            case SaveIntents.Unpublish:
                if (chosenUtc is { } unpublishedTime)
                {
                    article.Publish(unpublishedTime);
                }

                article.Unpublish();
                break;
            default:
                if (chosenUtc is { } draftTime)
                {
                    article.SaveAsDraft(draftTime);
                }
                else
                {
                    article.SaveAsDraftWithoutTime(now);
                }

                break;
        }

        string? storedCover = null;
        if (input.Cover is not null && coverKind is { } validKind)
        {
            try
            {
                storedCover = await covers.SaveAsync(input.Cover, validKind, cancellationToken);
            }
            catch (IOException ex) when (StorageFailure.Is(ex))
            {
                return await NotSavedAsync(ex, id, input, coverDropped: true, cancellationToken);
            }

            article.CoverImagePath = storedCover;
        }

        if (before is not null && before.SameAs(article))
        {
            // Nothing changed: no revision, no audit entry, and the version stays, so nobody else meets a conflict.
            return new SaveResult(SaveOutcome.Saved, article.Id, null, []) { Message = "Không có thay đổi nào để lưu." };
        }

        article.UpdatedAtUtc = now;
        article.UpdatedBy = who.Name;
        if (isNew)
        {
            db.Articles.Add(article);
        }
        else
        {
            db.ArticleRevisions.Add(before!.ToRevision(article.Id));
            db.Entry(article).Property(a => a.Version).OriginalValue = input.Version!.Value;
            article.Version = Guid.NewGuid();
        }

        try
        {
            // Ids are generated on save, so the audit entries that name a new bulletin are written right after, in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditChanges(before, article, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            covers.Delete(storedCover);
            db.ChangeTracker.Clear();
            return await ConflictAsync(article.Id, input, coverDropped: storedCover is not null, cancellationToken);
        }
        catch (Exception ex) when (StorageFailure.Is(ex))
        {
            covers.Delete(storedCover);
            return await NotSavedAsync(ex, id, input, coverDropped: storedCover is not null, cancellationToken);
        }
        catch
        {
            covers.Delete(storedCover);
            throw;
        }

        await changes.PublishAsync(new ContentChange(ContentTypes.Article, article.Id.ToString(CultureInfo.InvariantCulture), "saved"));
        return new SaveResult(SaveOutcome.Saved, article.Id, null, []) { Message = SavedMessage(article, now) };
    }

    /// <summary>Moves a bulletin to the trash: hidden from the public and from the main list, restorable by an administrator.</summary>
    public async Task<string?> MoveToTrashAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc == null, cancellationToken);
        if (article is null)
        {
            return null;
        }

        article.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ArticleDeleted, AuditTargets.Article, id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Article, id.ToString(CultureInfo.InvariantCulture), "trashed"));
        return article.Title;
    }

    public async Task<string?> RestoreFromTrashAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc != null, cancellationToken);
        if (article is null)
        {
            return null;
        }

        article.DeletedAtUtc = null;
        audit.Add(AuditActions.ArticleRestored, AuditTargets.Article, id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Article, id.ToString(CultureInfo.InvariantCulture), "restored"));
        return article.Title;
    }

    /// <summary>Deletes one bulletin in the trash for good, with its revisions, daily counts and cover files.</summary>
    public async Task<string?> PurgeAsync(int id, CancellationToken cancellationToken)
    {
        var purged = await PurgeWhereAsync(a => a.Id == id, cancellationToken);
        return purged.Count == 0 ? null : purged[0];
    }

    /// <summary>Empties the trash; returns how many bulletins were deleted for good.</summary>
    public async Task<int> EmptyTrashAsync(CancellationToken cancellationToken) =>
        (await PurgeWhereAsync(_ => true, cancellationToken)).Count;

    /// <summary>Makes an earlier version current again; the version it replaces is kept as a revision, so this can be undone too.</summary>
    public async Task<bool> RestoreRevisionAsync(int id, int revisionId, StaffMember who, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc == null, cancellationToken);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, cancellationToken);
        if (article is null || revision is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ArticleRevisions.Add(ArticleRevision.Of(article, article.UpdatedAtUtc, article.UpdatedBy ?? article.AuthorName));

        // Content only: the bulletin keeps its current state and publication time, so restoring text never publishes or hides it.
        article.CategoryId = revision.CategoryId;
        // A revision row is stored HTML like any other: it goes through the sanitizer again before it is current.
        var body = sanitizer.SanitizeHtml(revision.BodyHtml);
        article.SetContent(revision.Title, revision.Lead, body, ArticleHtml.ToPlainText(body.Html));
        article.CoverImagePath = revision.CoverImagePath;
        article.UpdatedAtUtc = now;
        article.UpdatedBy = who.Name;
        article.Version = Guid.NewGuid();
        audit.Add(AuditActions.ArticleRevisionRestored, AuditTargets.Article, id.ToString(CultureInfo.InvariantCulture),
            $"{article.Title} – phiên bản lưu lúc {VietnameseFormat.LongDateTime(revision.SavedAtUtc)}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Article, id.ToString(CultureInfo.InvariantCulture), "revision-restored"));
        return true;
    }

    private async Task<List<string>> PurgeWhereAsync(System.Linq.Expressions.Expression<Func<Article, bool>> which, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.Where(a => a.DeletedAtUtc != null).Where(which).ToListAsync(cancellationToken);
        if (articles.Count == 0)
        {
            return [];
        }

        var ids = articles.Select(a => a.Id).ToList();
        var files = await db.ArticleRevisions.Where(r => ids.Contains(r.ArticleId) && r.CoverImagePath != null)
            .Select(r => r.CoverImagePath!).ToListAsync(cancellationToken);
        files.AddRange(articles.Where(a => a.CoverImagePath != null).Select(a => a.CoverImagePath!));
        foreach (var article in articles)
        {
            db.Articles.Remove(article);
            audit.Add(AuditActions.ArticlePurged, AuditTargets.Article, article.Id.ToString(CultureInfo.InvariantCulture), article.Title);
        }

        await db.SaveChangesAsync(cancellationToken);
        var stillUsed = await db.Articles.Where(a => files.Contains(a.CoverImagePath!)).Select(a => a.CoverImagePath!).ToListAsync(cancellationToken);
        foreach (var file in files.Distinct().Except(stillUsed))
        {
            covers.Delete(file);
        }

        return articles.Select(a => a.Title).ToList();
    }

    /// <summary>The write was refused by the storage, not by the input: the same form again, with everything typed, and why.</summary>
    private async Task<SaveResult> NotSavedAsync(Exception failure, int? id, ArticleEditInput input, bool coverDropped, CancellationToken cancellationToken)
    {
        logger.LogError(failure, "Bulletin {Id} not saved: the database or the disk refused the write; the form was sent back", id?.ToString(CultureInfo.InvariantCulture) ?? "(new)");
        db.ChangeTracker.Clear();
        var form = await queries.GetFormAsync(id, input.Version, input, conflict: null, cancellationToken);
        form.NotSaved = new NotSavedViewModel(coverDropped);
        return new SaveResult(SaveOutcome.NotSaved, id ?? 0, form, []);
    }

    private async Task<SaveResult> ConflictAsync(int id, ArticleEditInput input, bool coverDropped, CancellationToken cancellationToken)
    {
        var current = await queries.GetConflictAsync(id, coverDropped, cancellationToken);
        if (current is null)
        {
            return new SaveResult(SaveOutcome.NotFound, id, null, []);
        }

        var (conflict, version) = current.Value;
        var form = await queries.GetFormAsync(id, version, input, conflict, cancellationToken);
        return new SaveResult(SaveOutcome.Conflict, id, form, []);
    }

    private void AuditChanges(VersionSnapshot? before, Article after, DateTime now)
    {
        var target = after.Id.ToString(CultureInfo.InvariantCulture);
        if (before is null)
        {
            audit.Add(AuditActions.ArticleCreated, AuditTargets.Article, target, after.Title);
        }
        else if (!before.SameContentAs(after))
        {
            audit.Add(AuditActions.ArticleEdited, AuditTargets.Article, target, after.Title);
        }

        var wasPublished = before?.Status == ArticleStatus.Published;
        if (after.Status == ArticleStatus.Published && (!wasPublished || before!.PublishedAtUtc != after.PublishedAtUtc))
        {
            var when = VietnameseFormat.LongDateTime(after.PublishedAtUtc);
            audit.Add(AuditActions.ArticlePublished, AuditTargets.Article, target,
                after.PublishedAtUtc > now ? $"{after.Title} – hẹn giờ đăng lúc {when}" : $"{after.Title} – đăng lúc {when}");
        }
        else if (wasPublished && after.Status != ArticleStatus.Published)
        {
            audit.Add(AuditActions.ArticleUnpublished, AuditTargets.Article, target,
                after.Status == ArticleStatus.Draft ? $"{after.Title} – chuyển về bản nháp" : after.Title);
        }
    }

    private static string SavedMessage(Article article, DateTime now) => article.Status switch
    {
        ArticleStatus.Published when article.PublishedAtUtc > now =>
            $"Đã lưu. Bản tin sẽ tự động đăng lúc {VietnameseFormat.LongDateTime(article.PublishedAtUtc)}.",
        ArticleStatus.Published => "Đã lưu và đăng bản tin.",
        ArticleStatus.Unpublished => "Đã lưu. Bản tin đã được gỡ khỏi trang công khai.",
        _ => "Đã lưu bản nháp.",
    };

    private static VersionSnapshot Snapshot(Article a) =>
        new(a.CategoryId, a.Title, a.Lead, a.BodyHtml, a.CoverImagePath, a.Status, a.PublishedAtUtc, a.PublishTimeChosen, a.UpdatedAtUtc,
            a.UpdatedBy ?? a.AuthorName);

    /// <summary>The saved version a change replaces: becomes the revision, and tells what the change was.</summary>
    private sealed record VersionSnapshot(
        int CategoryId, string Title, string Lead, string BodyHtml, string? CoverImagePath, ArticleStatus Status, DateTime PublishedAtUtc,
        bool PublishTimeChosen, DateTime SavedAtUtc, string? SavedBy)
    {
        public bool SameContentAs(Article a) =>
            CategoryId == a.CategoryId && Title == a.Title && Lead == a.Lead && BodyHtml == a.BodyHtml && CoverImagePath == a.CoverImagePath;

        /// <summary>Same content and state; a draft without a chosen time only carries its save time, which does not count as a change.</summary>
        public bool SameAs(Article a) =>
            SameContentAs(a) && Status == a.Status && PublishTimeChosen == a.PublishTimeChosen
            && (PublishedAtUtc == a.PublishedAtUtc || (!PublishTimeChosen && Status == ArticleStatus.Draft));

        public ArticleRevision ToRevision(int articleId) => new()
        {
            ArticleId = articleId,
            CategoryId = CategoryId,
            Title = Title,
            Lead = Lead,
            BodyHtml = BodyHtml,
            CoverImagePath = CoverImagePath,
            Status = Status,
            PublishedAtUtc = PublishedAtUtc,
            SavedAtUtc = SavedAtUtc,
            SavedBy = SavedBy,
        };
    }
}
