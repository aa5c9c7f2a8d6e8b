using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Photos;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>
/// "Xem trước": the bulletin form's typed values as the public article page shows them — the body sanitized by the
/// same <see cref="HtmlBodySanitizer"/> as a save, the chosen category, the time that "Đăng" would give. Reads only;
/// nothing is stored, nothing published, nothing counted.
/// </summary>
public sealed class ArticlePreview(NewsDbContext db, HtmlBodySanitizer sanitizer, BodyImages bodyImages, TimeProvider clock)
{
    public const string UntitledTitle = "(Chưa có tiêu đề)";

    public async Task<ArticlePageViewModel> BuildAsync(int? id, ArticleEditInput input, string? currentUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var category = input.CategoryId is { } categoryId
            ? await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => new { c.Name, c.Slug, c.IsHidden }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var unit = input.UnitId is { } unitId
            ? await db.PublishingUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Slug }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var saved = id is { } articleId
            ? await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new
                {
                    a.CoverImagePath, a.AuthorId, a.Slug,
                    CoverWidths = db.Media.Where(m => m.FallbackPath == a.CoverImagePath).Select(m => m.Widths).FirstOrDefault(),
                }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var authorId = saved?.AuthorId ?? currentUserId;
        var author = authorId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == authorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        // A half-typed time is shown as "now" here; the form itself refuses to save it and says so beside the field.
        var time = PublishTimeField.Parse(input);
        var publishedAtUtc = time.Local is { } local ? VietnamTime.ToUtc(local) : now;
        var body = input.Body is { Length: > ArticleLimits.BodyLength }
            ? SanitizedHtml.Empty
            : sanitizer.Sanitize(await bodyImages.ExpandAsync(input.Body, cancellationToken)); // photos as a save stores them

        var title = string.IsNullOrWhiteSpace(input.Title) ? UntitledTitle : input.Title.Trim();
        return new ArticlePageViewModel
        {
            Id = id ?? 0,
            Title = title,
            Slug = saved?.Slug ?? "xem-truoc",
            Lead = input.Lead?.Trim() ?? string.Empty,
            BodyHtml = body.Html,
            CoverImagePath = input.RemoveCover ? null : saved?.CoverImagePath,
            CoverWidths = input.RemoveCover ? null : saved?.CoverWidths,
            PublishedAtUtc = publishedAtUtc,
            ModifiedAtUtc = now,
            CategoryName = category?.Name ?? "(Chưa chọn chuyên mục)",
            CategorySlug = category?.Slug ?? string.Empty,
            CategoryHidden = category is null || category.IsHidden,
            Byline = Bylines.For(input.ByNewsroom, author),
            UnitName = unit?.Name,
            UnitSlug = unit?.Slug,
            Newer = [],
            Older = [],
        };
    }
}
