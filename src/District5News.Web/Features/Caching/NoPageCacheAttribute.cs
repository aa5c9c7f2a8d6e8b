namespace District5News.Web.Features.Caching;

/// <summary>
/// Keeps a public page out of the output cache. Search is one: its queries are too varied for a cache to help, and
/// it must stay fast on its own (FTS5), which the benchmark measures.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoPageCacheAttribute : Attribute;
