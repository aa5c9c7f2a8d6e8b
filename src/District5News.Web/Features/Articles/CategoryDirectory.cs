using District5News.Web.Data;
using District5News.Web.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Articles;

public sealed record CategoryLink(int Id, string Name, string Slug)
{
    public string Url => ArticleUrls.Category(Slug);
}

/// <summary>The category menu shown on every page (hidden categories left out), read once and kept until categories change.</summary>
public sealed class CategoryDirectory(IServiceScopeFactory scopes) : IPublicContentChangeHandler
{
    private IReadOnlyList<CategoryLink>? _categories;

    public async Task<IReadOnlyList<CategoryLink>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        if (_categories is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var categories = await db.Categories.AsNoTracking().Where(c => !c.IsHidden).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryLink(c.Id, c.Name, c.Slug)).ToListAsync(cancellationToken);
        _categories = categories;
        return categories;
    }

    /// <summary>Categories are public content: any change may have added, renamed or emptied one.</summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        _categories = null;
        return ValueTask.CompletedTask;
    }
}
