namespace District5News.Web.Data.Entities;

/// <summary>A saved version of a bulletin, kept on every save so a previous version can be restored.</summary>
public class ArticleRevision
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int CategoryId { get; set; }

    public required string Title { get; set; }

    public required string Lead { get; set; }

    public required string BodyHtml { get; set; }

    public string? CoverImagePath { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>The publication time of that version; null for a draft that had none chosen.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public DateTime SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    public string? Note { get; set; }

    /// <summary>The bulletin as it stands now, as a revision.</summary>
    public static ArticleRevision Of(Article article, DateTime savedAtUtc, string? savedBy, string? note = null) => new()
    {
        ArticleId = article.Id,
        CategoryId = article.CategoryId,
        Title = article.Title,
        Lead = article.Lead,
        BodyHtml = article.BodyHtml,
        CoverImagePath = article.CoverImagePath,
        Status = article.Status,
        PublishedAtUtc = article.PublishedAtUtc,
        SavedAtUtc = savedAtUtc,
        SavedBy = savedBy,
        Note = note,
    };
}
