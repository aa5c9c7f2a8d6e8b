using Microsoft.AspNetCore.OutputCaching;

namespace District5News.Web.Features.Articles;

/// <summary>
/// Everything the public pages cache, cleared at once when staff change what residents can see
/// (publish, edit, unpublish, delete, restore, import, category changes).
/// </summary>
public sealed class PublicContentCache(IOutputCacheStore store, CategoryDirectory categories)
{
    /// <summary>The output-cache tag every cached public page carries.</summary>
    public const string Tag = "public-pages";

    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        categories.Invalidate();
        await store.EvictByTagAsync(Tag, cancellationToken);
    }
}
