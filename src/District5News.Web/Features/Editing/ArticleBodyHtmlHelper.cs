using Microsoft.AspNetCore.Mvc.Rendering;

namespace District5News.Web.Features.Editing;

/// <summary>
/// The one way a view writes a stored body (public article page, revision view, conflict view): through the sanitizer
/// again, never <c>Html.Raw</c> of a string. Every save path already stores sanitized HTML, so this normally gives back
/// the same markup; it is what keeps a body written around the application (an old row, a restored backup, a
/// hand-run SQL statement) from reaching a reader or an administrator as script.
/// </summary>
public static class ArticleBodyHtmlHelper
{
    public static SanitizedHtml ArticleBody(this IHtmlHelper html, string? storedHtml) =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlBodySanitizer>().SanitizeHtml(storedHtml);
}
