using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Data.Entities;

public class Article
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>The publishing unit the bulletin belongs to (the district archive for anything older than units).</summary>
    public int UnitId { get; set; } = Configurations.PublishingUnitConfiguration.DistrictArchiveId;

    public PublishingUnit? Unit { get; set; }

    public string Title { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public string Lead { get; private set; } = string.Empty;

    /// <summary>Sanitized HTML of the body, as <see cref="HtmlBodySanitizer"/> wrote it (set only through <see cref="SetContent"/>).</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    public string? CoverImagePath { get; set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>
    /// When residents see (or saw, or will see) the bulletin; null for a draft with no publication time chosen yet,
    /// which is published at the moment of publishing rather than back-dated to a save.
    /// </summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>Signed "Ban biên tập" on public pages instead of the author's display name (the editor's choice).</summary>
    public bool ByNewsroom { get; set; }

    /// <summary>Who saved the current version (UpdatedAtUtc says when); copied into the revision when it is replaced.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>Views carried over from the old portal; part of the total shown, not of any day's statistics.</summary>
    public long ImportedViews { get; set; }

    /// <summary>Views counted by this portal, incremented in batches by the view counter.</summary>
    public long Views { get; set; }

    /// <summary>Folded title words, for search (see <see cref="VietnameseText.SearchForm"/>).</summary>
    public string SearchTitle { get; private set; } = string.Empty;

    /// <summary>Folded lead and body words, for search.</summary>
    public string SearchBody { get; private set; } = string.Empty;

    /// <summary>The title's syllables with their tone marks, lower case (<see cref="VietnameseText.Marked"/>): a query typed with marks ranks these first.</summary>
    public string SearchTitleMarked { get; private set; } = string.Empty;

    /// <summary>The lead's and body's syllables with their tone marks, lower case.</summary>
    public string SearchBodyMarked { get; private set; } = string.Empty;

    public DateTime? DeletedAtUtc { get; set; }

    /// <summary>Optimistic concurrency token, changed on every save (portable across SQLite and SQL Server).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public long TotalViews => ImportedViews + Views;

    /// <summary>
    /// Sets the text, keeping the derived slug and search columns in step with it. The body is stored exactly as the
    /// sanitizer wrote it: normalizing HTML after sanitizing it can rebuild markup (U+0338 after "&gt;" composes into
    /// "≯"), so the sanitizer normalizes the text itself before it parses it (docs/security/xss.md).
    /// </summary>
    public void SetContent(string title, string lead, SanitizedHtml body, string bodyPlainText)
    {
        Title = VietnameseText.Normalize(title).Trim();
        Lead = VietnameseText.Normalize(lead).Trim();
        BodyHtml = body.Html;
        Slug = VietnameseText.Slugify(Title);
        SearchTitle = VietnameseText.SearchForm(Title);
        SearchBody = VietnameseText.SearchForm(Lead + " " + bodyPlainText);
        SearchTitleMarked = VietnameseText.MarkedSearchForm(Title);
        SearchBodyMarked = VietnameseText.MarkedSearchForm(Lead + " " + bodyPlainText);
    }

    public void Publish(DateTime publishedAtUtc)
    {
        Status = ArticleStatus.Published;
        PublishedAtUtc = DateTime.SpecifyKind(publishedAtUtc, DateTimeKind.Utc);
    }

    public void SaveAsDraft(DateTime publishedAtUtc)
    {
        Status = ArticleStatus.Draft;
        PublishedAtUtc = DateTime.SpecifyKind(publishedAtUtc, DateTimeKind.Utc);
    }

    /// <summary>A draft with no publication time chosen yet.</summary>
    public void SaveAsDraftWithoutTime()
    {
        Status = ArticleStatus.Draft;
        PublishedAtUtc = null;
    }

    public void Unpublish() => Status = ArticleStatus.Unpublished;

    public bool IsScheduled(DateTime nowUtc) => ArticleVisibility.IsScheduled(this, nowUtc);
}
