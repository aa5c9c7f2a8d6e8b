using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>
/// What an editor does to a saved bulletin besides saving the form (<see cref="SaveArticleHandler"/>): move it to the
/// trash and back, delete it for good, restore an earlier version. Each change is recorded by
/// <see cref="ArticleHistory"/> and announced with <see cref="PublicContentChanges"/>.
/// </summary>
public sealed class ArticleEditor(
    NewsDbContext db,
    HtmlBodySanitizer sanitizer,
    CoverImageStore covers,
    ArticleHistory history,
    PublicContentChanges changes,
    TimeProvider clock,
    Attachments.ArticleAttachmentStore attachmentFiles)
{

    /// <summary>Moves a bulletin to the trash: hidden from the public and from the main list, restorable by any staff member.</summary>
    public async Task<string?> MoveToTrashAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAtUtc == null, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var before = ArticleVersion.Of(article);
        var now = clock.GetUtcNow().UtcDateTime;
        article.DeletedAtUtc = now;
        history.Record(before, article, now);
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

        var before = ArticleVersion.Of(article);
        article.DeletedAtUtc = null;
        history.Record(before, article, clock.GetUtcNow().UtcDateTime);
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

    /// <summary>
    /// Empties the trash; returns how many bulletins were deleted for good. With <paramref name="deletedUpToUtc"/> (the
    /// newest deletion the confirmation showed), a bulletin moved to the trash after that stays there.
    /// </summary>
    public async Task<int> EmptyTrashAsync(DateTime? deletedUpToUtc, CancellationToken cancellationToken) =>
        (await PurgeWhereAsync(deletedUpToUtc is { } upTo ? a => a.DeletedAtUtc <= upTo : _ => true, cancellationToken)).Count;

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
        var before = ArticleVersion.Of(article);

        // Content only: the bulletin keeps its current state and publication time, so restoring text never publishes or hides it.
        article.CategoryId = revision.CategoryId;
        // A revision row is stored HTML like any other: it goes through the sanitizer again before it is current.
        var body = sanitizer.SanitizeHtml(revision.BodyHtml);
        article.SetContent(revision.Title, revision.Lead, body, ArticleHtml.ToPlainText(body.Html));
        article.CoverImagePath = revision.CoverImagePath;
        article.UpdatedAtUtc = now;
        article.UpdatedBy = who.Name;
        article.Version = Guid.NewGuid();
        history.Record(before, article, now, restoredFromUtc: revision.SavedAtUtc);
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
        var attached = await db.ArticleAttachments.Where(a => ids.Contains(a.ArticleId)).Select(a => a.StoredPath).ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            db.Articles.Remove(article);
            history.RecordPurged(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        var stillUsed = await db.Articles.Where(a => files.Contains(a.CoverImagePath!)).Select(a => a.CoverImagePath!).ToListAsync(cancellationToken);
        foreach (var file in files.Distinct().Except(stillUsed))
        {
            covers.Delete(file);
        }

        // Attachment files belong to one bulletin each (the rows went with it, by cascade).
        attached.ForEach(attachmentFiles.Delete);

        return articles.Select(a => a.Title).ToList();
    }
}
