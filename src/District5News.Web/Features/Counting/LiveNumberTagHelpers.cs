using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace District5News.Web.Features.Counting;

/// <summary>
/// <c>&lt;live-visit-counter /&gt;</c>: the site's visit counter. On a counted page it writes a marker that
/// <see cref="LiveNumbersStream"/> fills on every response (cached or not); elsewhere it writes the number itself.
/// Views place the number and need not know which.
/// </summary>
[HtmlTargetElement("live-visit-counter", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LiveVisitCounterTagHelper(VisitCounter counter) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var http = ViewContext.HttpContext;
        output.Content.SetHtmlContent(LiveNumbers.AreFilled(http)
            ? LiveNumbers.VisitCounterMarker
            : LiveNumberMarkup.VisitCounter(await counter.GetTotalVisitsAsync(http.RequestAborted)));
    }
}

/// <summary><c>&lt;live-article-views article-id="42" /&gt;</c>: a bulletin's views, exact on cached pages too.</summary>
[HtmlTargetElement("live-article-views", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LiveArticleViewsTagHelper(VisitCounter counter) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("article-id")]
    public int ArticleId { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var http = ViewContext.HttpContext;
        output.Content.SetHtmlContent(LiveNumbers.AreFilled(http)
            ? LiveNumbers.ArticleViewsMarker(ArticleId)
            : LiveNumberMarkup.ArticleViews(await counter.GetArticleViewsAsync(ArticleId, http.RequestAborted)));
    }
}
