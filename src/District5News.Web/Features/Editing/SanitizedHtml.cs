using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace District5News.Web.Features.Editing;

/// <summary>
/// HTML that came out of <see cref="HtmlBodySanitizer"/>: the only kind of body an article stores and the only kind a
/// view writes unescaped. Its constructor is internal and only the sanitizer calls it, so a string cannot become
/// "safe" by a cast. Nothing may change the text after it was made: normalizing or rewriting sanitized HTML is what
/// opened the stored-XSS hole of issue 9 (see docs/security/xss.md).
/// </summary>
public sealed class SanitizedHtml : IHtmlContent, IEquatable<SanitizedHtml>
{
    public static readonly SanitizedHtml Empty = new(string.Empty);

    internal SanitizedHtml(string html) => Html = html;

    /// <summary>The markup, to store as it is.</summary>
    public string Html { get; }

    public bool IsEmpty => Html.Length == 0;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(Html);

    public override string ToString() => Html;

    public bool Equals(SanitizedHtml? other) => other is not null && string.Equals(Html, other.Html, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SanitizedHtml);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Html);
}
