using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace District5News.Web.Features.Editing;

/// <summary>
/// Cleans a bulletin body to the few elements the editor produces, whatever the browser actually sent: pasted
/// word-processor HTML, a hand-written textarea, or a forged request. Every path that stores a body ends here, after
/// any normalization of its own, and stores the <see cref="SanitizedHtml"/> as it is; views show a stored body only
/// through it again (<see cref="ArticleBodyHtmlHelper"/>). See docs/security/xss.md.
/// </summary>
public sealed class HtmlBodySanitizer
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "img", "blockquote", "br",
        "figure", "figcaption", "picture", "source", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    };

    /// <summary>Which attribute each element keeps; every other attribute (style, class, on*, id...) goes.</summary>
    private static readonly Dictionary<string, string[]> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href"],
        ["img"] = ["src", "alt", "srcset", "sizes", "width", "height", "loading", "decoding"],
        ["source"] = ["srcset", "sizes", "type"],
        ["th"] = ["colspan", "rowspan"],
        ["td"] = ["colspan", "rowspan"],
    };

    /// <summary>Elements removed together with everything inside them: active content, forms, metadata, embedded documents.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed", "noframes",
        "template", "svg", "math", "xml", "head", "title", "meta", "link", "base", "input", "button", "select", "option",
        "optgroup", "textarea", "datalist", "output", "audio", "video", "track", "canvas", "map", "area", "param",
        "portal", "slot", "marquee",
    };

    /// <summary>Block containers a paste or a browser may wrap text in: a paragraph when they hold only text, unwrapped otherwise.</summary>
    private static readonly HashSet<string> ParagraphLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "pre", "address", "dd", "dt", "form",
        "fieldset", "details", "summary", "dialog", "hgroup",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "figcaption", "table", "caption",
        "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "dl",
    };

    /// <summary>A parser per thread: creating one costs more than parsing a typical body, and sharing one across threads is not documented as safe.</summary>
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    private readonly HtmlSanitizer _sanitizer;

    public HtmlBodySanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AllowedTags);
        options.AllowedAttributes.UnionWith(AllowedAttributes.Values.SelectMany(a => a));
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // srcset is a list of URLs, which the library hands to FilterUrl as one string: BodyImageRules checks each of them, before and after.
        options.UriAttributes.UnionWith(["href", "src"]);
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.FilterUrl += (_, e) =>
        {
            // The library checks schemes for every URL attribute alike; the policy is per element, so apply it once more here.
            if (!IsAllowedUrl(e.Tag.LocalName, e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
    }

    /// <summary>Element names the sanitizer keeps (tests read the policy from here rather than copying it).</summary>
    public static IReadOnlyCollection<string> AllowedElementNames => AllowedTags;

    /// <summary>The attributes <paramref name="element"/> keeps; none for most elements.</summary>
    public static IReadOnlyList<string> AllowedAttributesOf(string element) => AllowedAttributes.GetValueOrDefault(element) ?? [];

    /// <summary>
    /// The safe HTML of a body typed in the editor. Text without any markup (a textarea without JavaScript, a
    /// plain-text paste) becomes one paragraph per line.
    /// </summary>
    public SanitizedHtml Sanitize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return SanitizedHtml.Empty;
        }

        var text = Nfc(input);
        if (LooksLikeHtml(text))
        {
            return SanitizeMarkup(text);
        }

        return FromText(text.Split('\n'));
    }

    /// <summary>
    /// The safe HTML of something that is HTML already, whatever it looks like: a stored body or revision (sanitized
    /// again when restored, shown or repaired), or HTML another path built.
    /// </summary>
    public SanitizedHtml SanitizeHtml(string? html) =>
        string.IsNullOrWhiteSpace(html) ? SanitizedHtml.Empty : SanitizeMarkup(Nfc(html));

    /// <summary>
    /// Plain paragraphs (an imported page, demo content) as a body, one &lt;p&gt; each: normalized as text, built as
    /// text nodes (never as a string of HTML that a later step could normalize), then sanitized like any body.
    /// </summary>
    public SanitizedHtml FromParagraphs(IEnumerable<string> paragraphs) => FromText(paragraphs.Select(Nfc));

    private SanitizedHtml FromText(IEnumerable<string> paragraphs)
    {
        var body = NewBody();
        foreach (var line in paragraphs.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var paragraph = body.Owner!.CreateElement("p");
            paragraph.TextContent = line;
            body.AppendChild(paragraph);
        }

        return Clean(body);
    }

    /// <summary>
    /// Normalize first, sanitize last: the text is put in NFC before it is parsed, so no normalization later has a
    /// reason to run over the HTML. Lone surrogates (which normalization refuses) become U+FFFD.
    /// </summary>
    private static string Nfc(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') >= 0)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                builder.Append(rune.ToString());
            }

            text = builder.ToString();
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    private static IHtmlElement NewBody() => Parser.Value!.ParseDocument(string.Empty).Body!;

    private SanitizedHtml SanitizeMarkup(string html)
    {
        var body = NewBody();
        body.InnerHtml = html;

        // Character references are decoded by the parser and may spell a decomposed or a fullwidth form: the checks
        // below must see the text as it will be stored.
        NormalizeText(body);
        Prepare(body);
        return Clean(body);
    }

    private SanitizedHtml Clean(IHtmlElement body)
    {
        _sanitizer.SanitizeDom((IHtmlDocument)body.Owner!, body);
        Tidy(body);
        return Finish(body);
    }

    /// <summary>
    /// Text nodes joined where removals left them side by side and put in NFC, URLs checked once more in that final
    /// form, then written so that no normalization can change the markup (<see cref="StableHtmlWriter"/>).
    /// </summary>
    private static SanitizedHtml Finish(IElement body)
    {
        NormalizeText(body);
        BodyImageRules.Apply(body);
        foreach (var element in body.QuerySelectorAll("[href], [src]").ToList())
        {
            foreach (var name in new[] { "href", "src" })
            {
                if (element.HasAttribute(name) && !IsAllowedUrl(element.LocalName, element.GetAttribute(name)))
                {
                    element.RemoveAttribute(name);
                }
            }
        }

        return new SanitizedHtml(StableHtmlWriter.Write(body));
    }

    private static void NormalizeText(IElement root)
    {
        root.Normalize();
        foreach (var text in root.Descendants<IText>())
        {
            if (!text.Data.IsNormalized(NormalizationForm.FormC))
            {
                text.Data = text.Data.Normalize(NormalizationForm.FormC);
            }
        }

        foreach (var element in root.Descendants<IElement>())
        {
            foreach (var attribute in element.Attributes)
            {
                if (!attribute.Value.IsNormalized(NormalizationForm.FormC))
                {
                    attribute.Value = attribute.Value.Normalize(NormalizationForm.FormC);
                }
            }
        }
    }

    private static bool LooksLikeHtml(string input)
    {
        for (var i = input.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < input.Length - 1; i = input.IndexOf('<', i + 1))
        {
            var next = input[i + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a URL may stay: on links http, https, mailto and relative; on images (img, source) only a path in our
    /// own uploads folder (what the image pipeline made); never javascript:, data: or the like.
    /// </summary>
    public static bool IsAllowedUrl(string element, string? url)
    {
        if (url is null)
        {
            return false;
        }

        // Browsers ignore leading/trailing controls and spaces and drop tabs and newlines inside a URL before reading
        // its scheme ("jav&#x09;ascript:"), so read the scheme the same way.
        var compact = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c > ' ' && c != '\u007f')
            {
                compact.Append(c);
            }
        }

        var text = compact.ToString();

        // A later NFKC must not make a scheme out of lookalikes ("ｊａｖａｓｃｒｉｐｔ：" is a relative path as it stands).
        string folded;
        try
        {
            folded = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!string.Equals(folded, text, StringComparison.Ordinal) && !IsAllowedUrl(element, folded))
        {
            return false;
        }

        if (element.Equals("img", StringComparison.OrdinalIgnoreCase) || element.Equals("source", StringComparison.OrdinalIgnoreCase))
        {
            return BodyImageRules.IsUploadPath(text);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = text.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme)
        {
            // A backslash start is read as "//" (another host, maybe another scheme's quirks): only plain paths are relative.
            return !text.StartsWith('\\');
        }

        var scheme = text[..colon].ToLowerInvariant();
        return scheme is "http" or "https" || (scheme == "mailto" && element.Equals("a", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Before the library runs: drop active content whole, give pasted containers a paragraph shape, trim attributes per element.</summary>
    private static void Prepare(IElement root)
    {
        foreach (var comment in root.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null || !root.Contains(element))
            {
                continue;
            }

            var name = element.LocalName;

            // Word's VML drawings (v:shape, v:imagedata) are dropped; its other namespaced wrappers (o:p, w:sdt) are unwrapped by the library.
            if (DroppedWithContent.Contains(name) || name.StartsWith("v:", StringComparison.Ordinal))
            {
                element.Remove();
                continue;
            }

            if (name == "b" && (element.GetAttribute("id") ?? string.Empty).StartsWith("docs-internal-guid", StringComparison.Ordinal))
            {
                // Google Docs wraps a whole paste in a non-bold <b>: keeping it would make everything bold.
                Unwrap(element);
                continue;
            }

            var target = element;
            if (ParagraphLike.Contains(name))
            {
                if (element.Children.Any(c => BlockTags.Contains(c.LocalName) || ParagraphLike.Contains(c.LocalName)))
                {
                    Unwrap(element);
                    continue;
                }

                target = Rename(element, "p");
            }
            else if (name is "h1" or "h5" or "h6")
            {
                target = Rename(element, name == "h1" ? "h2" : "h4");
            }

            var keep = AllowedAttributes.GetValueOrDefault(target.LocalName) ?? [];
            foreach (var attribute in target.Attributes.ToList())
            {
                if (!keep.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    target.RemoveAttribute(attribute.Name);
                }
            }
        }

        BodyImageRules.Apply(root);
    }

    /// <summary>After the library: loose text and inline elements at the top level go into paragraphs; empty paragraphs go.</summary>
    private static void Tidy(IElement root)
    {
        var document = root.Owner!;
        IElement? paragraph = null;
        foreach (var node in root.ChildNodes.ToList())
        {
            var isBlock = node is IElement element && BlockTags.Contains(element.LocalName);
            if (isBlock)
            {
                paragraph = null;
                continue;
            }

            if (paragraph is null)
            {
                if (node is IText text && string.IsNullOrWhiteSpace(text.Data))
                {
                    continue;
                }

                paragraph = document.CreateElement("p");
                root.InsertBefore(paragraph, node);
            }

            paragraph.AppendChild(node);
        }

        foreach (var element in root.QuerySelectorAll("p, h2, h3, h4, li, blockquote, figcaption").ToList())
        {
            var empty = string.IsNullOrWhiteSpace(element.TextContent.Replace('\u00a0', ' ')) && element.QuerySelector("img") is null;
            if (empty && element.LocalName != "li")
            {
                element.Remove();
            }
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    private static IElement Rename(IElement element, string name)
    {
        var replacement = element.Owner!.CreateElement(name);
        foreach (var attribute in element.Attributes)
        {
            replacement.SetAttribute(attribute.Name, attribute.Value);
        }

        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Replace(replacement);
        return replacement;
    }
}
