using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

/// <summary>
/// MVC's validation summary, with no error to show, writes a placeholder <c>&lt;li style="display:none"&gt;</c>.
/// The Content-Security-Policy allows no style attributes, so the browser reports a violation on every form page
/// (a console error Lighthouse counts). The same placeholder is written here with the <c>hidden</c> attribute.
/// </summary>
public sealed class SecurityHeadersHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<MvcViewOptions> optionsAccessor,
    IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    private const string InlineHidden = "<li style=\"display:none\"></li>";

    public override TagBuilder GenerateValidationSummary(
        ViewContext viewContext, bool excludePropertyErrors, string message, string headerTag, object htmlAttributes)
    {
        var tag = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (tag is null || !tag.HasInnerHtml)
        {
            return tag!;
        }

        using var writer = new StringWriter();
        tag.InnerHtml.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        if (html.Contains(InlineHidden, StringComparison.Ordinal))
        {
            tag.InnerHtml.Clear();
            tag.InnerHtml.AppendHtml(html.Replace(InlineHidden, "<li hidden></li>", StringComparison.Ordinal));
        }

        return tag;
    }
}
