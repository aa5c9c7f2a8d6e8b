using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Files;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Attachments;

/// <summary>One attachment as a list shows it: name, type in words, size in Vietnamese, download address.</summary>
public sealed record AttachmentItem(int Id, string FileName, DocumentKind Kind, long SizeBytes)
{
    public string KindLabel => DocumentKinds.Label(Kind);

    public string SizeText => VietnameseFormat.FileSize(SizeBytes);

    public string Url => AttachmentUrls.Download(Id);
}

/// <summary>A file ready to send: where it is, what it is called and what it is.</summary>
public sealed record AttachmentDownload(string StoredPath, string FileName, DocumentKind Kind, bool Public);

public static class AttachmentUrls
{
    public static string Download(int id) => RouteLink.Fill(SiteRoutes.Attachment, ("id", id));
}

/// <summary>Reads of attachments: a bulletin's list, and one file for the download action.</summary>
public sealed class AttachmentQueries(NewsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AttachmentItem>> ListAsync(int articleId, CancellationToken cancellationToken) =>
        await db.ArticleAttachments.AsNoTracking().Where(a => a.ArticleId == articleId)
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.Kind, a.SizeBytes))
            .ToListAsync(cancellationToken);

    /// <summary>The file, with whether its bulletin is one residents may see now (otherwise only staff may download it).</summary>
    public async Task<AttachmentDownload?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = ArticleVisibility.VisibleAt(now);
        return await db.ArticleAttachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AttachmentDownload(a.StoredPath, a.FileName, a.Kind, db.Articles.Where(visible).Any(v => v.Id == a.ArticleId)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
