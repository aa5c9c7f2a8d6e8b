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

    public ICollection<Article> Articles { get; } = [];
}
