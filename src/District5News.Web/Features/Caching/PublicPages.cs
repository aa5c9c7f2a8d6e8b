using Microsoft.AspNetCore.OutputCaching;

namespace District5News.Web.Features.Caching;

/// <summary>
/// The page cache's share of a content change: every cached public page carries <see cref="Tag"/>, and the whole tag
/// is evicted on any change, since any list may show the changed bulletin. Only this class and
/// <see cref="PublicPageCachePolicy"/> know the tag.
/// </summary>
public sealed class PublicPages(IOutputCacheStore store) : IPublicContentChangeHandler
{
    public const string Tag = "public-pages";

    public ValueTask OnPublicContentChangedAsync(ContentChange change) => store.EvictByTagAsync(Tag, CancellationToken.None);
}
