namespace District5News.Web.Features.Articles;

/// <summary>A bulletin as it appears in any list: home, category, day, search, TIN MỚI HƠN / TIN ĐÃ ĐƯA.</summary>
public sealed record ArticleListItem(
    int Id,
    string Title,
    string Slug,
    string Lead,
    DateTime PublishedAtUtc,
    string CategoryName,
    string CategorySlug)
{
    public string Url => ArticleUrls.Article(Id, Slug);
}

public static class ArticleUrls
{
    public static string Article(int id, string slug) => $"/tin-tuc/{id}/{slug}";

    public static string Category(string slug, int page = 1) =>
        page <= 1 ? $"/chuyen-muc/{slug}" : $"/chuyen-muc/{slug}?page={page}";

    public static string Day(DateOnly day) => $"/theo-ngay/{day:yyyy'/'MM'/'dd}";

    public static string Month(int year, int month) => $"/theo-ngay/{year:0000}/{month:00}";
}
