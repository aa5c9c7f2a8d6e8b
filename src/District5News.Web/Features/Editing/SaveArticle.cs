using System.ComponentModel.DataAnnotations;
using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Attachments;
using District5News.Web.Features.Autosave;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Photos;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>Save a bulletin from the form: create it (<paramref name="Id"/> null) or change it.</summary>
public sealed record SaveArticleCommand(int? Id, ArticleEditInput Input, StaffMember Who);

/// <summary>A problem with one field of the form (<see cref="Field"/> is a property of <see cref="ArticleEditInput"/>, or empty for the whole form).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What became of a <see cref="SaveArticleCommand"/>.</summary>
public abstract record SaveArticleResult
{
    private SaveArticleResult()
    {
    }

    /// <summary>Stored; <paramref name="Message"/> says what residents will see and when.</summary>
    public sealed record Saved(int ArticleId, string Message) : SaveArticleResult;

    /// <summary>Nothing stored: the input breaks these rules.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SaveArticleResult;

    /// <summary>Someone saved (or trashed) the bulletin since the form was loaded; nothing stored.</summary>
    public sealed record Conflict(int ArticleId, bool CoverDropped) : SaveArticleResult;

    public sealed record NotFound(int ArticleId) : SaveArticleResult;

    /// <summary>The database or the disk refused the write (<see cref="StorageFailure"/>); nothing stored.</summary>
    public sealed record NotSaved(int? ArticleId, bool CoverDropped) : SaveArticleResult;
}

/// <summary>
/// Checks a <see cref="SaveArticleCommand"/> before anything is stored: the input's own rules (its attributes), the
/// action, the publication time, the category, the body (sanitized here, the only way a body is stored), the cover
/// and the version. Every problem is reported at once.
/// </summary>
public sealed class SaveArticleValidator(NewsDbContext db, HtmlBodySanitizer sanitizer, BodyImages bodyImages, ImagePipeline images)
{
    /// <summary>The checked input, ready to apply; or <see cref="Errors"/> when there is anything to fix. <see cref="Cover"/> is a new cover, through the image pipeline.</summary>
    public sealed record Outcome(
        IReadOnlyList<FieldError> Errors, string Intent, DateTime? ChosenUtc, SanitizedHtml Body, string BodyText, ProcessedPhoto? Cover);

    public async Task<Outcome> ValidateAsync(SaveArticleCommand command, ArticleStatus? currentStatus, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var errors = new List<FieldError>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => new FieldError(r.MemberNames.FirstOrDefault() ?? string.Empty, r.ErrorMessage ?? string.Empty)));
        }

        var intent = input.Intent ?? currentStatus switch
        {
            ArticleStatus.Published => SaveIntents.Publish,
            ArticleStatus.Unpublished => SaveIntents.Unpublish,
            _ => SaveIntents.Draft,
        };
        if (intent is not (SaveIntents.Draft or SaveIntents.Publish or SaveIntents.Unpublish))
        {
            errors.Add(new(string.Empty, "Thao tác không hợp lệ. Vui lòng dùng các nút Lưu nháp, Đăng hoặc Gỡ bản tin."));
        }

        // Half typed or unreadable blocks the save: the time never silently becomes "now".
        var publishTime = PublishTimeField.Parse(input);
        DateTime? chosenUtc = publishTime.Local is { } local ? VietnamTime.ToUtc(local) : null;
        if (publishTime.Error is not null)
        {
            errors.Add(new(nameof(input.PublishAt), publishTime.Error));
        }

        if (input.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            errors.Add(new(nameof(input.CategoryId), "Chuyên mục không tồn tại. Vui lòng chọn lại."));
        }

        if (input.UnitId is { } unitId && !await db.PublishingUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Add(new(nameof(input.UnitId), "Đơn vị đăng tin không tồn tại. Vui lòng chọn lại."));
        }

        var body = SanitizedHtml.Empty;
        if (input.Body is { Length: > ArticleLimits.BodyLength })
        {
            errors.Add(new(nameof(input.Body), $"Nội dung quá dài (tối đa {VietnameseFormat.Number(ArticleLimits.BodyLength)} ký tự)."));
        }
        else
        {
            // Our photos get their responsive markup from their records first; the sanitizer has the last word.
            body = sanitizer.Sanitize(await bodyImages.ExpandAsync(input.Body, cancellationToken));
            if (BodyImages.CountWithoutAlt(body) is > 0 and var withoutAlt)
            {
                errors.Add(new(nameof(input.Body), BodyImages.MissingAltMessage(withoutAlt)));
            }
        }

        var bodyText = ArticleHtml.ToPlainText(body.Html);
        if (intent == SaveIntents.Publish && bodyText.Length == 0 && !body.Html.Contains("<img", StringComparison.Ordinal))
        {
            errors.Add(new(nameof(input.Body), "Vui lòng nhập nội dung bản tin trước khi đăng."));
        }

        ProcessedPhoto? coverPhoto = null;
        if (input.Cover is { } cover)
        {
            var result = await images.ProcessAsync(cover, CoverImageStore.MaxBytes, CoverImageStore.TooLargeMessage, cancellationToken);
            coverPhoto = result.Photo;
            if (result.Error is not null)
            {
                errors.Add(new(nameof(input.Cover), "Ảnh bìa: " + result.Error));
            }
        }

        if (command.Id is not null && input.Version is null)
        {
            errors.Add(new(string.Empty, "Biểu mẫu thiếu thông tin phiên bản. Vui lòng tải lại trang sửa bản tin."));
        }

        if (errors.Count > 0 && input.Cover is not null && coverPhoto is not null)
        {
            errors.Add(new(nameof(input.Cover), "Ảnh bìa chưa được lưu vì biểu mẫu còn lỗi: vui lòng chọn lại ảnh khi lưu."));
        }

        return new Outcome(errors, intent, chosenUtc, body, bodyText, coverPhoto);
    }
}

/// <summary>
/// Saves a bulletin: checks the command, applies it to the bulletin (content, then the state the button asked for),
/// stores a new cover, records the change in the bulletin's history and publishes the content change. A save on
/// top of a newer version is a conflict, never an overwrite; a storage failure stores nothing and says so.
/// </summary>
public sealed class SaveArticleHandler(
    NewsDbContext db,
    SaveArticleValidator validator,
    MediaFiles mediaFiles,
    ArticleHistory history,
    PublicContentChanges changes,
    TimeProvider clock,
    ILogger<SaveArticleHandler> logger,
    ArticleAttachments attachments,
    EditorDrafts drafts)
{
    public async Task<SaveArticleResult> HandleAsync(SaveArticleCommand command, CancellationToken cancellationToken)
    {
        var (id, input, who) = command;
        var now = clock.GetUtcNow().UtcDateTime;
        Article? article = null;
        if (id is { } existingId)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == existingId, cancellationToken);
            if (article is null)
            {
                return new SaveArticleResult.NotFound(existingId);
            }
        }

        var valid = await validator.ValidateAsync(command, article?.Status, cancellationToken);
        var attached = await attachments.CheckAsync(id, input, cancellationToken);
        if (valid.Errors.Count > 0 || attached.Errors.Count > 0)
        {
            var errors = valid.Errors.Concat(attached.Errors).ToList();
            if (attached.Added.Count > 0)
            {
                errors.Add(new(ArticleAttachments.FieldName, ArticleAttachments.DroppedMessage));
            }

            return new SaveArticleResult.Invalid(errors);
        }

        if (article is { DeletedAtUtc: not null })
        {
            return new SaveArticleResult.Conflict(article.Id, CoverDropped: input.Cover is not null);
        }

        var isNew = article is null;
        article ??= new Article { CreatedAtUtc = now, AuthorId = who.Id, AuthorName = who.Name };
        var before = isNew ? null : ArticleVersion.Of(article);
        var wasScheduled = article.IsScheduled(now);
        Apply(article, input, valid, now);

        string? storedCover = null;
        if (valid.Cover is { } coverPhoto)
        {
            try
            {
                await mediaFiles.WriteAsync(coverPhoto, cancellationToken);
            }
            catch (IOException ex) when (StorageFailure.Is(ex))
            {
                return NotSaved(ex, id, coverDropped: true);
            }

            // The cover joins the media library (saved in the same transaction as the bulletin), so it can be reused and has its sizes on record.
            var media = MediaLibrary.NewMedia(coverPhoto, "Ảnh bìa: " + article.Title, null, null, who, now);
            db.Media.Add(media);
            storedCover = media.FallbackPath;
            article.CoverImagePath = storedCover;
        }

        ArticleAttachments.Staged staged;
        try
        {
            staged = await attachments.StageAsync(article, attached, who.Name, cancellationToken);
        }
        catch (IOException ex) when (StorageFailure.Is(ex))
        {
            return NotSaved(ex, id, coverDropped: storedCover is not null);
        }

        if (before is not null && before.SameAs(article) && !staged.HasChanges)
        {
            // The autosaved draft was saved (or matched what is stored): it has done its job.
            await drafts.DeleteAsync(who.Id, article.Id, cancellationToken);
            // Nothing changed: no revision, no audit entry, and the version stays, so nobody else meets a conflict.
            return new SaveArticleResult.Saved(article.Id, "Không có thay đổi nào để lưu.");
        }

        article.UpdatedAtUtc = now;
        article.UpdatedBy = who.Name;
        if (isNew)
        {
            db.Articles.Add(article);
        }
        else
        {
            db.Entry(article).Property(a => a.Version).OriginalValue = input.Version!.Value;
            article.Version = Guid.NewGuid();
        }

        try
        {
            // A new bulletin gets its id on the first save; its history names it, so it is written next, in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            history.Record(before, article, now);
            await db.SaveChangesAsync(cancellationToken);
            await drafts.DeleteAsync(who.Id, isNew ? null : article.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // A cover's files stay when the save fails: they are named by their content and may already serve another photo
        // record; without its record (rolled back with the bulletin) such a file is only an orphan, reused by the same upload.
        catch (DbUpdateConcurrencyException)
        {
            staged.Discard();
            db.ChangeTracker.Clear();
            return new SaveArticleResult.Conflict(article.Id, CoverDropped: storedCover is not null);
        }
        catch (Exception ex) when (StorageFailure.Is(ex))
        {
            staged.Discard();
            return NotSaved(ex, id, coverDropped: storedCover is not null);
        }
        catch
        {
            staged.Discard();
            throw;
        }

        staged.Commit();

        await changes.PublishAsync(new ContentChange(ContentTypes.Article, article.Id.ToString(CultureInfo.InvariantCulture), "saved"));
        return new SaveArticleResult.Saved(article.Id, SavedMessage(article, now, wasScheduled));
    }

    /// <summary>The content, then the state the button asked for (the bulletin's state machine is on the entity).</summary>
    private static void Apply(Article article, ArticleEditInput input, SaveArticleValidator.Outcome valid, DateTime now)
    {
        var chosenUtc = valid.ChosenUtc;

        // The form shows minutes only: an unchanged field must not move a time saved with seconds (a "publish now").
        if (article.PublishedAtUtc is { } saved && chosenUtc is { } chosen
            && EditorQueries.ToInputValue(chosen) == EditorQueries.ToInputValue(saved))
        {
            chosenUtc = saved;
        }

        article.CategoryId = input.CategoryId!.Value;
        article.UnitId = input.UnitId!.Value;
        article.ByNewsroom = input.ByNewsroom;
        article.SetContent(input.Title!, input.Lead ?? string.Empty, valid.Body, valid.BodyText);
        if (input.RemoveCover)
        {
            article.CoverImagePath = null;
        }

        switch (valid.Intent)
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
                    article.SaveAsDraftWithoutTime();
                }

                break;
        }
    }

    private SaveArticleResult.NotSaved NotSaved(Exception failure, int? id, bool coverDropped)
    {
        logger.LogError(failure, "Bulletin {Id} not saved: the database or the disk refused the write; the form was sent back",
            id?.ToString(CultureInfo.InvariantCulture) ?? "(new)");
        db.ChangeTracker.Clear();
        return new SaveArticleResult.NotSaved(id, coverDropped);
    }

    private static string SavedMessage(Article article, DateTime now, bool wasScheduled) => article.Status switch
    {
        ArticleStatus.Draft when wasScheduled => "Đã hủy hẹn giờ: bản tin sẽ không tự động đăng và được giữ làm bản nháp.",
        ArticleStatus.Published when article.PublishedAtUtc > now =>
            $"Đã lưu. Bản tin sẽ tự động đăng lúc {VietnameseFormat.LongDateTime(article.PublishedAtUtc)}.",
        ArticleStatus.Published => "Đã lưu và đăng bản tin.",
        ArticleStatus.Unpublished => "Đã lưu. Bản tin đã được gỡ khỏi trang công khai.",
        _ => "Đã lưu bản nháp.",
    };
}
