namespace District5News.Web.Features.Counting;

/// <summary>Marks the public pages that count toward visits and page views (admin and error pages do not).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CountedPageAttribute : Attribute;
