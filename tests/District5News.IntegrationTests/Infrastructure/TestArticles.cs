using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>Builds bulletins straight into the database for tests.</summary>
public static class TestArticles
{
    public const int DistrictBulletin = 1; // "Bản tin quận"
    public const int WardNews = 2;         // "Tin phường"
    public const int Announcements = 3;    // "Thông báo"

    public static async Task<Article> AddAsync(
        NewsDbContext db,
        string title,
        DateTime publishedAtVietnam,
        int categoryId = DistrictBulletin,
        string lead = "Tóm tắt bản tin.",
        string[]? paragraphs = null,
        ArticleStatus status = ArticleStatus.Published,
        long importedViews = 0)
    {
        var article = NewArticle(title, publishedAtVietnam, categoryId, lead, paragraphs, status, importedViews);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>Adds <paramref name="count"/> bulletins one hour apart, the first at <paramref name="firstAtVietnam"/>.</summary>
    public static async Task<List<Article>> AddSeriesAsync(NewsDbContext db, int count, DateTime firstAtVietnam, int categoryId, string titlePrefix)
    {
        var articles = Enumerable.Range(0, count)
            .Select(i => NewArticle($"{titlePrefix} số {i + 1}", firstAtVietnam.AddHours(i), categoryId, $"Tóm tắt {titlePrefix} số {i + 1}.", null, ArticleStatus.Published, 0))
            .ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        return articles;
    }

    private static Article NewArticle(string title, DateTime publishedAtVietnam, int categoryId, string lead, string[]? paragraphs, ArticleStatus status, long importedViews)
    {
        paragraphs ??= ["Đoạn thứ nhất của bản tin.", "Đoạn thứ hai của bản tin."];
        var article = new Article
        {
            CategoryId = categoryId,
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
            ImportedViews = importedViews,
        };
        article.SetContent(title, lead, new HtmlBodySanitizer().FromParagraphs(paragraphs), string.Join(' ', paragraphs));
        var utc = VietnamTime.ToUtc(publishedAtVietnam);
        switch (status)
        {
            case ArticleStatus.Published:
                article.Publish(utc);
                break;
            case ArticleStatus.Draft:
                article.SaveAsDraft(utc);
                break;
            default:
                article.Publish(utc);
                article.Unpublish();
                break;
        }

        return article;
    }
}
