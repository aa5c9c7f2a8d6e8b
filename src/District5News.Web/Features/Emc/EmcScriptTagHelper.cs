using District5News.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Emc;

/// <summary>
/// <c>&lt;emc-script /&gt;</c> in the public layout: the EMC monitoring script, <c>async</c> so it never holds up the
/// page, when <see cref="EmcOptions.ScriptUrl"/> is set; nothing otherwise, and nothing on staff pages (sign-in, the
/// back office and their error pages), whose Content-Security-Policy does not allow it.
/// </summary>
[HtmlTargetElement("emc-script", TagStructure = TagStructure.WithoutEndTag)]
public sealed class EmcScriptTagHelper(IOptions<EmcOptions> options) : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (options.Value.Script is not { } script || SecurityHeadersMiddleware.IsStaffPath(SecurityHeadersMiddleware.OriginalPath(ViewContext.HttpContext)))
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "script";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("src", script.AbsoluteUri);
        output.Attributes.SetAttribute(new TagHelperAttribute("async", null, HtmlAttributeValueStyle.Minimized));
        output.Attributes.SetAttribute("data-test", "emc-script");
    }
}
