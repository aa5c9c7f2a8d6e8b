using District5News.Web.Data;
using District5News.Web.Data.Configurations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Import;

/// <summary>Either the report of an upload's import, or why the upload was refused before anything was imported.</summary>
public sealed record ImportUploadResult(ImportReport? Report, string? Refusal);

/// <summary>
/// Imports bulletin pages saved from the old district portal: the command and the admin page both end here.
/// A bulletin is identified by its category, publication time and title (never by the file's name, which changes
/// from one save to the next), so importing the same pages again changes nothing and a corrected page updates
/// its bulletin. Each bulletin is written in its own transaction: a failure undoes that bulletin only.
/// </summary>
public sealed class OldPortalImporter(
    NewsDbContext db,
    AuditLog audit,
    TimeProvider clock,
    PublicContentChanges changes,
    IOptions<ImportOptions> options,
    HtmlBodySanitizer sanitizer,
    ILogger<OldPortalImporter> logger)
{
    public const string ImportedAuthorName = "Nhập từ cổng cũ";

    // The column sizes of ArticleConfiguration/CategoryConfiguration: SQLite would store longer text, SQL Server
    // would refuse it, so check here and say which limit the page broke.
    private const int MaxCategoryNameLength = 100;
    private const int MaxNoteLength = 500;
    private const string BulletinSavepoint = "import_bulletin";

    public Task<ImportReport> ImportAsync(IEnumerable<(string Name, byte[] Content)> files, bool dryRun, string? actor,
        CancellationToken cancellationToken) =>
        ImportAsync(files.Select(f => new ImportFile(f.Name, f.Content)), dryRun, actor, cancellationToken);

    public async Task<ImportReport> ImportAsync(IEnumerable<ImportFile> files, bool dryRun, string? actor, CancellationToken cancellationToken)
    {
        var report = new ImportReport { DryRun = dryRun };
        var categories = await CategoryIndex.LoadAsync(db, cancellationToken);

        // A dry run does everything a real run does inside one transaction that it rolls back at the end, with a
        // savepoint where a real run has a transaction per bulletin: same checks, same report, nothing kept.
        await using var dryRunTransaction = dryRun ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var file in files)
            {
                var page = Read(file, report);
                if (page is null)
                {
                    continue;
                }

                var bulletin = await ImportBulletinAsync(file.Name, page, categories, dryRunTransaction, actor, report, cancellationToken);
                if (bulletin is not null)
                {
                    report.Bulletins.Add(bulletin);
                    if (page.VisitCounter is { } counter && counter > (report.LargestOldCounter ?? -1))
                    {
                        report.LargestOldCounter = counter;
                    }
                }
            }

            await MoveCounterStartAsync(report, cancellationToken);
        }
        finally
        {
            if (dryRunTransaction is not null)
            {
                await dryRunTransaction.RollbackAsync(CancellationToken.None);
            }

            db.ChangeTracker.Clear();

            // Also when cancelled half-way: what was committed must show.
            if (report.ChangedAnything)
            {
                // One event for the whole import: pages, menus, search answers and the counter's stored start all follow.
                await changes.PublishAsync(new ContentChange(ContentTypes.Article, null, "imported"));
            }
        }

        return report;
    }

    /// <summary>The admin page's files (zips expanded), or a refusal when the upload breaks a limit.</summary>
    public async Task<ImportUploadResult> ImportUploadsAsync(IReadOnlyList<IFormFile> uploads, bool dryRun, string? actor,
        CancellationToken cancellationToken)
    {
        List<ImportFile> files;
        try
        {
            files = await new ImportFileReader(options.Value).ReadUploadsAsync(uploads, cancellationToken);
        }
        catch (ImportSourceException ex)
        {
            return new ImportUploadResult(null, ex.Message);
        }

        return new ImportUploadResult(await ImportAsync(files, dryRun, actor, cancellationToken), null);
    }

    private static OldPortalPage? Read(ImportFile file, ImportReport report)
    {
        if (file.Problem is not null)
        {
            report.Skipped.Add(new SkippedFile(file.Name, 0, file.Problem));
            return null;
        }

        var result = OldPortalPageParser.Parse(file.Content);
        if (!result.Success)
        {
            report.Skipped.Add(new SkippedFile(file.Name, result.Failure!.Line, result.Failure.Reason));
            return null;
        }

        var page = result.Page;
        var problem =
            VietnameseText.SearchForm(page.CategoryName).Length == 0 ? $"Tên chuyên mục không có chữ: {page.CategoryName}"
            : page.CategoryName.Length > MaxCategoryNameLength ? $"Tên chuyên mục dài quá {MaxCategoryNameLength} ký tự"
            : page.Title.Length > ArticleLimits.TitleLength ? $"Tiêu đề dài quá {ArticleLimits.TitleLength} ký tự"
            : page.Lead.Length > ArticleLimits.LeadLength ? $"Đoạn đầu (phần tóm tắt) dài quá {VietnameseFormat.Number(ArticleLimits.LeadLength)} ký tự"
            : null;
        if (problem is not null)
        {
            report.Skipped.Add(new SkippedFile(file.Name, 0, problem));
            return null;
        }

        return page;
    }

    private async Task<ImportedBulletin?> ImportBulletinAsync(string fileName, OldPortalPage page, CategoryIndex categories,
        IDbContextTransaction? dryRunTransaction, string? actor, ImportReport report, CancellationToken cancellationToken)
    {
        IDbContextTransaction? own = null;
        if (dryRunTransaction is null)
        {
            own = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        else
        {
            await dryRunTransaction.CreateSavepointAsync(BulletinSavepoint, cancellationToken);
        }

        try
        {
            var (category, created) = await FindOrCreateCategoryAsync(page.CategoryName, categories, cancellationToken);
            var bulletin = await SaveBulletinAsync(fileName, page, category, actor, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            else
            {
                await dryRunTransaction!.ReleaseSavepointAsync(BulletinSavepoint, cancellationToken);
            }

            if (created)
            {
                categories.Add(category);
                report.CategoriesCreated.Add(new CreatedCategory(category.Name, category.Slug));
            }

            return bulletin;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whole or nothing: undo this bulletin (and a category created for it), then let the batch go on.
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await dryRunTransaction!.RollbackToSavepointAsync(BulletinSavepoint, CancellationToken.None);
            }

            logger.LogError(ex, "Importing {FileName} failed; the bulletin was rolled back", fileName);
            report.Skipped.Add(new SkippedFile(fileName, 0, ex is DbUpdateConcurrencyException
                ? "Bản tin vừa được người khác sửa trong lúc nhập; hãy nhập lại tệp này"
                : "Không lưu được bản tin vào cơ sở dữ liệu (chi tiết trong nhật ký máy chủ)"));
            return null;
        }
        finally
        {
            // Each bulletin starts from a clean context, so a long import does not slow down as it tracks more.
            db.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<(CategoryRef Category, bool Created)> FindOrCreateCategoryAsync(string name, CategoryIndex categories,
        CancellationToken cancellationToken)
    {
        var folded = VietnameseText.SearchForm(name);
        if (categories.Find(folded) is { } existing)
        {
            return (existing, false);
        }

        var category = new Category
        {
            Name = VietnameseText.Normalize(name).Trim(),
            Slug = categories.UniqueSlug(VietnameseText.Slugify(name)),
            FoldedName = folded,
            SortOrder = categories.NextSortOrder,
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return (new CategoryRef(category.Id, category.Name, category.Slug, folded, category.SortOrder), true);
    }

    private async Task<ImportedBulletin> SaveBulletinAsync(string fileName, OldPortalPage page, CategoryRef category, string? actor,
        CancellationToken cancellationToken)
    {
        var title = VietnameseText.Normalize(page.Title).Trim();
        var lead = VietnameseText.Normalize(page.Lead).Trim();
        // Normalized as text, then encoded and sanitized: never normalized as HTML (docs/security/xss.md).
        var body = sanitizer.FromParagraphs(page.BodyParagraphs);
        var bodyHtml = body.Html;
        var bodyText = string.Join(' ', page.BodyParagraphs);
        var publishedAtUtc = page.PublishedAtUtc;
        var now = clock.GetUtcNow().UtcDateTime;

        // Title compared in C#: SQL Server's default collation would also match a title differing only in case.
        var sameSlot = await db.Articles
            .Where(a => a.CategoryId == category.Id && a.PublishedAtUtc == publishedAtUtc)
            .ToListAsync(cancellationToken);
        var existing = sameSlot.Find(a => string.Equals(a.Title, title, StringComparison.Ordinal));

        if (existing is null)
        {
            var article = new Article
            {
                CategoryId = category.Id,

                // The old portal was the district's: everything saved from it is the archive of UBND Quận 5.
                UnitId = PublishingUnitConfiguration.DistrictArchiveId,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                AuthorName = ImportedAuthorName,
                ImportedViews = page.ViewCount ?? 0,
            };
            article.SetContent(title, lead, body, bodyText);
            article.Publish(publishedAtUtc);
            db.Articles.Add(article);
            await db.SaveChangesAsync(cancellationToken);

            await RecordImportAsync(article, $"Nhập từ tệp {fileName}", actor, now, cancellationToken);
            return Describe(fileName, ImportOutcome.Imported, article, category);
        }

        // A page that lost its "Số lượt người xem" line says nothing about the count: keep the one we have.
        var importedViews = page.ViewCount ?? existing.ImportedViews;
        if (string.Equals(existing.Lead, lead, StringComparison.Ordinal)
            && string.Equals(existing.BodyHtml, bodyHtml, StringComparison.Ordinal)
            && existing.ImportedViews == importedViews)
        {
            return Describe(fileName, ImportOutcome.Unchanged, existing, category);
        }

        await KeepPreviousVersionAsync(existing, fileName, cancellationToken);
        existing.SetContent(existing.Title, lead, body, bodyText);
        existing.ImportedViews = importedViews;
        existing.UpdatedAtUtc = now;
        existing.Version = Guid.NewGuid();
        await RecordImportAsync(existing, $"Cập nhật từ tệp {fileName}", actor, now, cancellationToken);
        return Describe(fileName, ImportOutcome.Updated, existing, category);
    }

    /// <summary>The imported version becomes a revision with its note, and the audit log says who imported it from which file.</summary>
    private async Task RecordImportAsync(Article article, string note, string? actor, DateTime now, CancellationToken cancellationToken)
    {
        db.ArticleRevisions.Add(Revision(article, note, actor, now));
        audit.Add(AuditActions.ArticleImported, AuditTargets.Article, article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{note}: {article.Title}", actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Revisions hold each saved version, so the version being replaced is normally the latest revision already;
    /// when it is not (saved before revisions existed, or written straight to the database), keep it now.
    /// </summary>
    private async Task KeepPreviousVersionAsync(Article article, string fileName, CancellationToken cancellationToken)
    {
        var latest = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id)
            .OrderByDescending(r => r.SavedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Title, r.Lead, r.BodyHtml, r.CategoryId })
            .FirstOrDefaultAsync(cancellationToken);
        var kept = latest is not null
                   && latest.Title == article.Title && latest.Lead == article.Lead
                   && latest.BodyHtml == article.BodyHtml && latest.CategoryId == article.CategoryId;
        if (!kept)
        {
            db.ArticleRevisions.Add(Revision(article, $"Bản trước khi cập nhật từ tệp {fileName}", savedBy: null, article.UpdatedAtUtc));
        }
    }

    /// <summary>
    /// The largest old counter becomes the start of "SỐ LƯỢT TRUY CẬP" unless the counter already shows more, so
    /// importing an older save never lowers it. One conditional UPDATE: a concurrent counter flush only adds to Visits.
    /// </summary>
    private async Task MoveCounterStartAsync(ImportReport report, CancellationToken cancellationToken)
    {
        var current = await db.SiteCounters.AsNoTracking().Where(s => s.Id == SiteCounter.SingletonId)
            .Select(s => new { s.StartingVisits, s.Visits }).FirstOrDefaultAsync(cancellationToken);
        report.CounterStartBefore = report.CounterStartAfter = current?.StartingVisits ?? 0;
        report.CountedVisits = current?.Visits ?? 0;
        if (current is null || report.LargestOldCounter is not { } largest)
        {
            return;
        }

        var moved = await db.SiteCounters
            .Where(s => s.Id == SiteCounter.SingletonId && s.StartingVisits + s.Visits < largest)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartingVisits, largest), cancellationToken);
        if (moved > 0)
        {
            report.CounterStartAfter = largest;
        }
    }

    private static ArticleRevision Revision(Article article, string note, string? savedBy, DateTime savedAtUtc) =>
        ArticleRevision.Of(article, savedAtUtc, savedBy, note.Length > MaxNoteLength ? note[..MaxNoteLength] : note);

    private static ImportedBulletin Describe(string fileName, ImportOutcome outcome, Article article, CategoryRef category) =>
        new(fileName, outcome, article.Id, article.Title, article.Slug, category.Name, article.PublishedAtUtc!.Value, article.ImportedViews);

    private sealed record CategoryRef(int Id, string Name, string Slug, string FoldedName, int SortOrder);

    /// <summary>The categories by folded name, read once per import (there are a handful) and kept in step as it creates more.</summary>
    private sealed class CategoryIndex
    {
        private readonly Dictionary<string, CategoryRef> _byFoldedName;
        private readonly HashSet<string> _slugs;
        private int _maxSortOrder;

        private CategoryIndex(List<CategoryRef> categories)
        {
            _byFoldedName = categories.ToDictionary(c => c.FoldedName, StringComparer.Ordinal);
            _slugs = categories.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
            _maxSortOrder = categories.Count == 0 ? 0 : categories.Max(c => c.SortOrder);
        }

        public int NextSortOrder => _maxSortOrder + 1;

        public static async Task<CategoryIndex> LoadAsync(NewsDbContext db, CancellationToken cancellationToken) =>
            new(await db.Categories.AsNoTracking()
                .Select(c => new CategoryRef(c.Id, c.Name, c.Slug, c.FoldedName, c.SortOrder))
                .ToListAsync(cancellationToken));

        public CategoryRef? Find(string foldedName) => _byFoldedName.GetValueOrDefault(foldedName);

        public string UniqueSlug(string slug)
        {
            var candidate = slug;
            for (var n = 2; _slugs.Contains(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            return candidate;
        }

        public void Add(CategoryRef category)
        {
            _byFoldedName[category.FoldedName] = category;
            _slugs.Add(category.Slug);
            _maxSortOrder = Math.Max(_maxSortOrder, category.SortOrder);
        }
    }
}
