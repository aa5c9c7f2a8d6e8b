namespace District5News.Web.Data.Entities;

public class Category
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>URL key, lower-case ASCII; unique.</summary>
    public required string Slug { get; set; }

    /// <summary>The folded name, used to match categories by name whatever the tone marks or case.</summary>
    public required string FoldedName { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Taken out of the site's navigation: no menu entry, no home section, its listing answers 404.</summary>
    public bool IsHidden { get; set; }

    public ICollection<Article> Articles { get; } = [];

    /// <summary>The addresses it had before a rename; each answers 301 to the current one.</summary>
    public ICollection<CategoryOldSlug> OldSlugs { get; } = [];
}

/// <summary>A category's former slug, kept when it is renamed so old links and bookmarks still arrive.</summary>
public class CategoryOldSlug
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    /// <summary>Unique across old slugs; never equal to a current category slug (a new or renamed category takes it over).</summary>
    public required string Slug { get; set; }

    public DateTime RetiredAtUtc { get; set; }
}
