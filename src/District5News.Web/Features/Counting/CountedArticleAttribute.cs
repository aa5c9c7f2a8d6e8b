namespace District5News.Web.Features.Counting;

/// <summary>
/// Marks the bulletin page: a 200 answer counts a view of the bulletin whose id is the route value
/// <see cref="RouteKey"/>. The counting middleware does it, so the view is counted whether the page was rendered
/// or came from the output cache.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountedArticleAttribute(string routeKey = "id") : Attribute
{
    public string RouteKey { get; } = routeKey;
}
