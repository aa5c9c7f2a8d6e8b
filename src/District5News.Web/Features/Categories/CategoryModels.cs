using System.ComponentModel.DataAnnotations;
using District5News.Web.Features.Articles;
using District5News.Web.Routing;

namespace District5News.Web.Features.Categories;

/// <summary>The name typed to create or rename a category.</summary>
public sealed class CategoryNameInput
{
    public const int NameLength = 100;

    [Required(ErrorMessage = "Vui lòng nhập tên chuyên mục.")]
    [StringLength(NameLength, ErrorMessage = "Tên chuyên mục dài tối đa 100 ký tự.")]
    public string? Name { get; set; }
}

public sealed record CategoryAdminRow(int Id, string Name, string Slug, bool IsHidden, int Articles, IReadOnlyList<string> OldSlugs)
{
    public string PublicUrl => ArticleUrls.Category(Slug);
}

public sealed record CategoryListViewModel(IReadOnlyList<CategoryAdminRow> Categories, CategoryNameInput NewCategory);

public sealed record CategoryRenameViewModel(int Id, string CurrentName, string Slug, CategoryNameInput Input);

/// <summary>What became of a change: done (with the message for the next page) or refused (with the reason and the status).</summary>
public sealed record CategoryChangeResult(bool Succeeded, string Message, int Status)
{
    public static CategoryChangeResult Done(string message) => new(true, message, StatusCodes.Status200OK);

    public static CategoryChangeResult Invalid(string message) => new(false, message, StatusCodes.Status400BadRequest);

    public static CategoryChangeResult Conflict(string message) => new(false, message, StatusCodes.Status409Conflict);

    public static CategoryChangeResult NotFound() => new(false, "Không tìm thấy chuyên mục này.", StatusCodes.Status404NotFound);
}

/// <summary>The values of the move buttons.</summary>
public static class CategoryMoves
{
    public const string Up = "len";
    public const string Down = "xuong";
}

public static class CategoryUrls
{
    public const string List = AdminRoutes.Categories;

    public const string Create = AdminRoutes.CategoryCreate;

    public static string Rename(int id) => RouteLink.Fill(AdminRoutes.CategoryRename, ("id", id));

    public static string Move(int id) => RouteLink.Fill(AdminRoutes.CategoryMove, ("id", id));

    public static string Visibility(int id) => RouteLink.Fill(AdminRoutes.CategoryVisibility, ("id", id));
}
