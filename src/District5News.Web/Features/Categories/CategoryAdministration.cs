using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Categories;

/// <summary>
/// Categories in the back office: create, rename (the old address is kept and answers 301 to the new one), reorder,
/// hide and show again. Every change is audited and announced with <see cref="PublicContentChanges"/> (the menu, the
/// home page and cached pages follow at once).
/// </summary>
public sealed class CategoryAdministration(NewsDbContext db, AuditLog audit, PublicContentChanges changes, TimeProvider clock)
{
    private const int SlugLength = 80;

    public async Task<CategoryListViewModel> ListAsync(CategoryNameInput? newCategory, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new
            {
                c.Id, c.Name, c.Slug, c.IsHidden,
                Articles = c.Articles.Count(a => a.DeletedAtUtc == null),
                OldSlugs = c.OldSlugs.OrderBy(o => o.RetiredAtUtc).Select(o => o.Slug).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new CategoryListViewModel(
            categories.Select(c => new CategoryAdminRow(c.Id, c.Name, c.Slug, c.IsHidden, c.Articles, c.OldSlugs)).ToList(),
            newCategory ?? new CategoryNameInput());
    }

    public async Task<CategoryRenameViewModel?> GetRenameFormAsync(int id, CategoryNameInput? input, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        return category is null ? null : new CategoryRenameViewModel(id, category.Name, category.Slug, input ?? new CategoryNameInput { Name = category.Name });
    }

    public async Task<CategoryChangeResult> CreateAsync(CategoryNameInput input, CancellationToken cancellationToken)
    {
        var typed = Check(input.Name);
        if (typed.Error is { } error)
        {
            return error;
        }

        var (name, folded, slug) = typed.Value;
        if (await ClashAsync(null, folded, slug, cancellationToken) is { } clash)
        {
            return clash;
        }

        var sortOrder = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1;
        var category = new Category { Name = name, Slug = slug, FoldedName = folded, SortOrder = sortOrder };
        db.Categories.Add(category);
        await TakeOverOldSlugAsync(slug, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.CategoryCreated, AuditTargets.Category, Id(category.Id), $"{name} ({ArticleUrls.Category(slug)})",
            cancellationToken: cancellationToken);
        await PublishAsync(category.Id, "created");
        return CategoryChangeResult.Done($"Đã tạo chuyên mục “{name}” tại địa chỉ {ArticleUrls.Category(slug)}.");
    }

    public async Task<CategoryChangeResult> RenameAsync(int id, CategoryNameInput input, CancellationToken cancellationToken)
    {
        var category = await db.Categories.Include(c => c.OldSlugs).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChangeResult.NotFound();
        }

        var typed = Check(input.Name);
        if (typed.Error is { } error)
        {
            return error;
        }

        var (name, folded, slug) = typed.Value;
        if (name == category.Name)
        {
            return CategoryChangeResult.Done("Tên chuyên mục không thay đổi.");
        }

        if (await ClashAsync(id, folded, slug, cancellationToken) is { } clash)
        {
            return clash;
        }

        var oldName = category.Name;
        var oldSlug = category.Slug;
        category.Name = name;
        category.FoldedName = folded;
        var details = $"{oldName} → {name}";
        if (slug != oldSlug)
        {
            category.Slug = slug;
            await TakeOverOldSlugAsync(slug, cancellationToken);
            category.OldSlugs.Add(new CategoryOldSlug { Slug = oldSlug, RetiredAtUtc = clock.GetUtcNow().UtcDateTime });
            details += $" (địa chỉ cũ {ArticleUrls.Category(oldSlug)} chuyển tiếp đến {ArticleUrls.Category(slug)})";
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.CategoryRenamed, AuditTargets.Category, Id(id), details, cancellationToken: cancellationToken);
        await PublishAsync(id, "renamed");
        return CategoryChangeResult.Done(slug == oldSlug
            ? $"Đã đổi tên chuyên mục “{oldName}” thành “{name}”."
            : $"Đã đổi tên chuyên mục “{oldName}” thành “{name}”. Địa chỉ mới: {ArticleUrls.Category(slug)}; địa chỉ cũ {ArticleUrls.Category(oldSlug)} tự chuyển đến địa chỉ mới.");
    }

    /// <summary>Moves a category one place up or down the menu (<see cref="CategoryMoves"/>).</summary>
    public async Task<CategoryChangeResult> MoveAsync(int id, string? direction, CancellationToken cancellationToken)
    {
        if (direction is not (CategoryMoves.Up or CategoryMoves.Down))
        {
            return CategoryChangeResult.Invalid("Hướng di chuyển không hợp lệ.");
        }

        var categories = await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = categories.FindIndex(c => c.Id == id);
        if (index < 0)
        {
            return CategoryChangeResult.NotFound();
        }

        var other = direction == CategoryMoves.Up ? index - 1 : index + 1;
        var moved = categories[index];
        if (other < 0 || other >= categories.Count)
        {
            return CategoryChangeResult.Done($"Chuyên mục “{moved.Name}” đã ở {(direction == CategoryMoves.Up ? "đầu" : "cuối")} danh sách.");
        }

        (categories[index], categories[other]) = (categories[other], categories[index]);
        for (var i = 0; i < categories.Count; i++)
        {
            categories[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.CategoryMoved, AuditTargets.Category, Id(id), $"{moved.Name}: vị trí {index + 1} → {other + 1}",
            cancellationToken: cancellationToken);
        await PublishAsync(id, "moved");
        return CategoryChangeResult.Done($"Đã chuyển “{moved.Name}” {(direction == CategoryMoves.Up ? "lên" : "xuống")} một bậc.");
    }

    public async Task<CategoryChangeResult> SetHiddenAsync(int id, bool hidden, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryChangeResult.NotFound();
        }

        if (category.IsHidden == hidden)
        {
            return CategoryChangeResult.Done(hidden ? $"Chuyên mục “{category.Name}” đang ẩn." : $"Chuyên mục “{category.Name}” đang hiện.");
        }

        category.IsHidden = hidden;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(hidden ? AuditActions.CategoryHidden : AuditActions.CategoryShown, AuditTargets.Category, Id(id), category.Name,
            cancellationToken: cancellationToken);
        await PublishAsync(id, hidden ? "hidden" : "shown");
        return CategoryChangeResult.Done(hidden
            ? $"Đã ẩn chuyên mục “{category.Name}”: chuyên mục không còn trên thanh chuyên mục và trang chủ, địa chỉ của nó báo không tìm thấy. Các bản tin trong đó vẫn xem được theo địa chỉ riêng."
            : $"Đã hiện lại chuyên mục “{category.Name}”.");
    }

    /// <summary>The cleaned name, its folded form and slug, or the reason it cannot be a category name.</summary>
    private static (CategoryChangeResult? Error, (string Name, string Folded, string Slug) Value) Check(string? typed)
    {
        var name = VietnameseText.Normalize(typed ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            return (CategoryChangeResult.Invalid("Vui lòng nhập tên chuyên mục."), default);
        }

        if (name.Length > CategoryNameInput.NameLength)
        {
            return (CategoryChangeResult.Invalid("Tên chuyên mục dài tối đa 100 ký tự."), default);
        }

        var slug = VietnameseText.Slugify(name, SlugLength);
        return slug.Length == 0
            ? (CategoryChangeResult.Invalid("Tên chuyên mục phải có ít nhất một chữ cái hoặc chữ số."), default)
            : (null, (name, VietnameseText.SearchForm(name), slug));
    }

    private async Task<CategoryChangeResult?> ClashAsync(int? id, string folded, string slug, CancellationToken cancellationToken)
    {
        var same = await db.Categories.AsNoTracking().Where(c => c.Id != id && (c.FoldedName == folded || c.Slug == slug))
            .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        return same is null
            ? null
            : CategoryChangeResult.Conflict($"Đã có chuyên mục “{same}” với tên hoặc địa chỉ ({ArticleUrls.Category(slug)}) trùng với tên này. Vui lòng chọn tên khác.");
    }

    /// <summary>A current slug wins over an old one: the redirect that held it stops, so the address shows this category.</summary>
    private async Task TakeOverOldSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var held = await db.CategoryOldSlugs.Where(o => o.Slug == slug).ToListAsync(cancellationToken);
        db.CategoryOldSlugs.RemoveRange(held);
    }

    private Task PublishAsync(int id, string reason) => changes.PublishAsync(new ContentChange(ContentTypes.Category, Id(id), reason));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
