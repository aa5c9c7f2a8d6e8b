using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Files;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Attachments;

/// <summary>
/// The attachments part of a bulletin save: checks the files chosen in the form (by content, size and count) and the
/// ones ticked for removal, then stages the change in the save's unit of work. Files written for a save that does not
/// go through are removed again; files of removed attachments are deleted only once the save is committed.
/// </summary>
public sealed class ArticleAttachments(NewsDbContext db, ArticleAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    /// <summary>The kinds a bulletin may carry.</summary>
    public static readonly IReadOnlyCollection<DocumentKind> Allowed = [DocumentKind.Pdf, DocumentKind.Word, DocumentKind.Excel];

    public const string FieldName = nameof(ArticleEditInput.Attachments);

    public const string DroppedMessage = "Tệp đính kèm chưa được lưu vì biểu mẫu còn lỗi: vui lòng chọn lại tệp khi lưu.";

    /// <summary>The files checked for one save: what to add, what to remove, or what is wrong.</summary>
    public sealed record Checked(IReadOnlyList<(IFormFile File, DocumentKind Kind)> Added, IReadOnlyList<int> Removed, IReadOnlyList<FieldError> Errors)
    {
        public bool HasChanges => Added.Count > 0 || Removed.Count > 0;
    }

    public async Task<Checked> CheckAsync(int? articleId, ArticleEditInput input, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var errors = new List<FieldError>();
        var added = new List<(IFormFile, DocumentKind)>();
        foreach (var file in input.Attachments.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            var inspection = await DocumentFileInspector.InspectAsync(file, Allowed, limits.MaxFileBytes, cancellationToken);
            if (inspection.Kind is { } kind)
            {
                added.Add((file, kind));
            }
            else
            {
                errors.Add(new(FieldName, inspection.Error!));
            }
        }

        var existing = articleId is { } id
            ? await db.ArticleAttachments.Where(a => a.ArticleId == id).Select(a => a.Id).ToListAsync(cancellationToken)
            : [];
        var removed = input.RemoveAttachments.Intersect(existing).ToList();
        if (existing.Count - removed.Count + input.Attachments.Count > limits.MaxFilesPerArticle)
        {
            errors.Add(new(FieldName, $"Mỗi bản tin đính kèm tối đa {limits.MaxFilesPerArticle} tệp."));
        }

        var total = added.Sum(a => a.Item1.Length);
        if (total > limits.MaxUploadBytes)
        {
            errors.Add(new(FieldName, $"Các tệp chọn cùng lúc dài tổng cộng {VietnameseFormat.FileSize(total)}: mỗi lần lưu tối đa {VietnameseFormat.FileSize(limits.MaxUploadBytes)}. Hãy lưu bớt tệp rồi thêm tiếp."));
        }

        return new Checked(added, removed, errors);
    }

    /// <summary>Writes the new files and adds or removes the rows, to be saved with <paramref name="article"/>.</summary>
    /// <exception cref="IOException">The disk refused a file; what was written is removed again.</exception>
    public async Task<Staged> StageAsync(Article article, Checked change, string? who, CancellationToken cancellationToken)
    {
        var staged = new Staged(store);
        try
        {
            foreach (var (file, kind) in change.Added)
            {
                var storedPath = await store.SaveAsync(file, cancellationToken);
                staged.Written.Add(storedPath);
                db.ArticleAttachments.Add(new ArticleAttachment
                {
                    Article = article,
                    FileName = ArticleAttachmentStore.DownloadName(file.FileName, kind),
                    StoredPath = storedPath,
                    Kind = kind,
                    SizeBytes = file.Length,
                    UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
                    UploadedBy = who,
                });
            }
        }
        catch
        {
            staged.Discard();
            throw;
        }

        if (change.Removed.Count > 0)
        {
            var removed = await db.ArticleAttachments.Where(a => a.ArticleId == article.Id && change.Removed.Contains(a.Id)).ToListAsync(cancellationToken);
            db.ArticleAttachments.RemoveRange(removed);
            staged.Removed.AddRange(removed.Select(a => a.StoredPath));
        }

        return staged;
    }

    /// <summary>The files a staged change touched: <see cref="Discard"/> when the save failed, <see cref="Commit"/> when it went through.</summary>
    public sealed class Staged(ArticleAttachmentStore store)
    {
        internal List<string> Written { get; } = [];

        internal List<string> Removed { get; } = [];

        public bool HasChanges => Written.Count > 0 || Removed.Count > 0;

        public void Discard()
        {
            Written.ForEach(store.Delete);
            Written.Clear();
        }

        public void Commit()
        {
            Removed.ForEach(store.Delete);
            Removed.Clear();
        }
    }
}
