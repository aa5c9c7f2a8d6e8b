using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Editing;

/// <summary>
/// A bulletin's saved version, taken before a change: its revision (made by <see cref="ArticleRevision.Of"/>, the
/// one way to turn a bulletin into a revision), plus what the revision does not keep but a change may move.
/// </summary>
public sealed record ArticleVersion(ArticleRevision Revision, DateTime? DeletedAtUtc, bool ByNewsroom, int UnitId)
{
    public static ArticleVersion Of(Article a) =>
        new(ArticleRevision.Of(a, a.UpdatedAtUtc, a.UpdatedBy ?? a.AuthorName), a.DeletedAtUtc, a.ByNewsroom, a.UnitId);

    public DateTime? PublishedAtUtc => Revision.PublishedAtUtc;

    public ArticleStatus Status => Revision.Status;

    /// <summary>Same text, category, unit, cover and byline (the byline and the unit are what residents read with the bulletin).</summary>
    public bool SameContentAs(Article a) =>
        UnitId == a.UnitId && Revision.CategoryId == a.CategoryId && Revision.Title == a.Title && Revision.Lead == a.Lead && Revision.BodyHtml == a.BodyHtml
        && Revision.CoverImagePath == a.CoverImagePath && ByNewsroom == a.ByNewsroom;

    /// <summary>Same content, state and publication time (none, for a draft without a chosen time).</summary>
    public bool SameAs(Article a) => SameContentAs(a) && Status == a.Status && PublishedAtUtc == a.PublishedAtUtc;
}

/// <summary>
/// The one place that turns a change of a bulletin into its history: the revision that keeps the replaced version and
/// the audit entries that say what happened (created, edited, published or scheduled, unpublished, moved to the trash,
/// restored, a revision restored, purged). Callers change the bulletin and hand over the version from before; they do
/// not write revisions or audit entries themselves. Entries are added to the context and saved with the caller's
/// own SaveChanges, in the same transaction. A new bulletin's entries are recorded after its first save gives it an id.
/// </summary>
public sealed class ArticleHistory(NewsDbContext db, AuditLog audit)
{
    /// <summary>Records what changed from <paramref name="before"/> (null: the bulletin is new) to <paramref name="after"/>.</summary>
    /// <param name="restoredFromUtc">When the change put back an older revision, the time that revision was saved.</param>
    public void Record(ArticleVersion? before, Article after, DateTime nowUtc, DateTime? restoredFromUtc = null)
    {
        var target = after.Id.ToString(CultureInfo.InvariantCulture);
        if (before is null)
        {
            audit.Add(AuditActions.ArticleCreated, AuditTargets.Article, target, after.Title);
        }
        else
        {
            if (!before.SameAs(after) || restoredFromUtc is not null)
            {
                db.ArticleRevisions.Add(before.Revision);
            }

            if (restoredFromUtc is { } savedAt)
            {
                audit.Add(AuditActions.ArticleRevisionRestored, AuditTargets.Article, target,
                    $"{after.Title} – phiên bản lưu lúc {VietnameseFormat.LongDateTime(savedAt)}");
            }
            else if (!before.SameContentAs(after))
            {
                audit.Add(AuditActions.ArticleEdited, AuditTargets.Article, target, after.Title);
            }

            if (before.DeletedAtUtc is null && after.DeletedAtUtc is not null)
            {
                audit.Add(AuditActions.ArticleDeleted, AuditTargets.Article, target, after.Title);
            }
            else if (before.DeletedAtUtc is not null && after.DeletedAtUtc is null)
            {
                audit.Add(AuditActions.ArticleRestored, AuditTargets.Article, target, after.Title);
            }
        }

        var wasPublished = before?.Status == ArticleStatus.Published;
        if (after.Status == ArticleStatus.Published && (!wasPublished || before!.PublishedAtUtc != after.PublishedAtUtc))
        {
            var when = VietnameseFormat.LongDateTime(after.PublishedAtUtc);
            audit.Add(AuditActions.ArticlePublished, AuditTargets.Article, target,
                after.PublishedAtUtc > nowUtc ? $"{after.Title} – hẹn giờ đăng lúc {when}" : $"{after.Title} – đăng lúc {when}");
        }
        else if (wasPublished && after.Status != ArticleStatus.Published)
        {
            audit.Add(AuditActions.ArticleUnpublished, AuditTargets.Article, target,
                after.Status == ArticleStatus.Draft ? $"{after.Title} – chuyển về bản nháp" : after.Title);
        }
    }

    /// <summary>A bulletin deleted for good: its revisions go with it, the audit log keeps that it existed.</summary>
    public void RecordPurged(Article article) =>
        audit.Add(AuditActions.ArticlePurged, AuditTargets.Article, article.Id.ToString(CultureInfo.InvariantCulture), article.Title);
}
