using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Html.Parser;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

/// <summary>
/// Issue 9: the stored body must keep its markup under every Unicode normalization, for the whole class of characters
/// that can merge into markup (combining marks) or become markup (≮, ＜, ≠ ...), not for U+0338 alone.
/// </summary>
public sealed class HtmlBodySanitizerNormalizationTests
{
    private readonly HtmlBodySanitizer _sanitizer = new();

    [Fact]
    public void Hazards_ScanOfTheBmp_FindsTheWholeClass()
    {
        // Guards the test data itself: a broken scan would make the tests below pass on nothing.
        Assert.True(NormalizationHazards.CombiningMarks.Count > 1000, $"{NormalizationHazards.CombiningMarks.Count} combining marks");
        Assert.Contains('\u0338', NormalizationHazards.CombiningMarks);
        Assert.Contains('\u20DD', NormalizationHazards.CombiningMarks); // Me
        Assert.Contains('\u0903', NormalizationHazards.CombiningMarks); // Mc
        foreach (var lookalike in "\u226E\u226F\u2260\uFF1C\uFF1E\uFE64\uFE65\uFF1D\u207C\uFF02\uFF07\uFF06\u2A74")
        {
            Assert.Contains(lookalike, NormalizationHazards.MarkupLookalikes);
        }
    }

    [Fact]
    public void Sanitize_IssueExample_TagStaysClosedUnderEveryNormalization()
    {
        var output = _sanitizer.Sanitize("<b>&#x338; tabindex=1 autofocus onfocus=alert(document.domain) x</b>").Html;

        Assert.Equal("<p><b>&#x338; tabindex=1 autofocus onfocus=alert(document.domain) x</b></p>\n", output);
        Assert.Empty(NormalizationHazards.Problems(output));
    }

    [Fact]
    public void Sanitize_EveryHazardBeforeAndAfterEveryMarkupCharacter_KeepsOnlyAllowedMarkupUnderEveryNormalization()
    {
        var failures = new ConcurrentQueue<string>();
        var checkedPayloads = 0;
        Parallel.ForEach(NormalizationHazards.All, hazard =>
        {
            foreach (var spelling in NormalizationHazards.Spellings(hazard))
            {
                foreach (var payload in NormalizationHazards.Payloads(spelling))
                {
                    var output = _sanitizer.Sanitize(payload).Html;
                    foreach (var problem in NormalizationHazards.Problems(output))
                    {
                        failures.Enqueue($"{NormalizationHazards.Describe(hazard)} in {payload} -> {output}: {problem}");
                    }

                    Interlocked.Increment(ref checkedPayloads);
                }
            }
        });

        Assert.True(checkedPayloads > 100_000, $"only {checkedPayloads} payloads");
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Sanitize_HazardsAmongVietnameseText_SameElementsAndAttributesAfterEveryNormalization()
    {
        var hazards = string.Concat(NormalizationHazards.All);
        var input = $"<h2>Thông báo của Ủy ban</h2><p title=\"x\">Người dân {hazards} phường Chợ Lớn</p>"
            + $"<p><a href=\"https://quan5.example/tin-tức/{hazards}\">liên kết {hazards}</a><img src=\"/uploads/a.jpg\" alt=\"Ảnh {hazards}\"></p>"
            + $"<ul><li>{hazards}<b>đậm</b>{hazards}</li></ul><table><tr><td colspan=\"2\">{hazards}</td></tr></table>";

        var output = _sanitizer.Sanitize(input).Html;

        var expected = Shape(output);
        foreach (var form in NormalizationHazards.Forms)
        {
            Assert.Equal(expected, Shape(output.Normalize(form)));
        }

        Assert.Empty(NormalizationHazards.Problems(output));
    }

    [Fact]
    public void Sanitize_VietnameseLetters_StayTextInNfcEvenWhenTypedDecomposed()
    {
        var decomposed = "<p>Qua\u0323\u0302n 5: ngu\u031Bo\u031B\u0300i da\u0302n</p>".Normalize(NormalizationForm.FormD);

        var output = _sanitizer.Sanitize(decomposed).Html;

        Assert.Equal("<p>Quận 5: người dân</p>\n", output);
        Assert.True(output.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Sanitize_CombiningMarkOutsideTheBmp_IsWrittenAsAReference()
    {
        var output = _sanitizer.Sanitize("<b>\U0001D167 onfocus=alert(1)</b>").Html;

        Assert.Contains("&#x1D167;", output, StringComparison.Ordinal);
        Assert.Empty(NormalizationHazards.Problems(output));
    }

    [Theory]
    [InlineData("<a href=\"ｊａｖａｓｃｒｉｐｔ：alert(1)\">liên kết</a>")]
    [InlineData("<a href=\"&#xFF4A;avascript&#xFF1A;alert(1)\">liên kết</a>")]
    [InlineData("<img src=\"ｄａｔａ：image/svg+xml,x\" alt=\"ảnh\">")]
    public void Sanitize_UrlThatNfkcTurnsIntoAScript_IsDropped(string input)
    {
        var output = _sanitizer.Sanitize(input).Html;

        Assert.DoesNotContain("href", output, StringComparison.Ordinal);
        Assert.DoesNotContain("src", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_NonAsciiInAUrl_IsWrittenAsReferencesButReadsTheSame()
    {
        var output = _sanitizer.Sanitize("<p><a href=\"https://vi.example/Quận_5\">Quận 5</a></p>").Html;

        Assert.Equal("<p><a href=\"https://vi.example/Qu&#x1EAD;n_5\">Quận 5</a></p>\n", output);
        Assert.Equal("https://vi.example/Quận_5", new HtmlParser().ParseDocument(output).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void FromParagraphs_ParagraphStartingWithACombiningMark_CannotReopenTheParagraphTag()
    {
        var output = _sanitizer.FromParagraphs(["\u0338 onmouseover=alert(1) x", "=\u0338\"'<>\uFF1Cb\uFF1E"]).Html;

        Assert.Empty(NormalizationHazards.Problems(output));
        Assert.Equal(2, new HtmlParser().ParseDocument(output.Normalize(NormalizationForm.FormKC)).QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Sanitize_ItsOwnOutput_GivesItBackUnchanged()
    {
        // Views sanitize a stored body again when they show it: that must not alter what was stored.
        foreach (var input in NormalizationHazards.Payloads("\u0338").Concat(NormalizationHazards.Payloads("&#xFF1C;"))
                     .Append("<p>Đoạn <strong>đậm</strong> &amp; <a href=\"https://quan5.example/tin-tức\">liên kết</a>&nbsp;≠ ＜b＞</p>"))
        {
            var once = _sanitizer.Sanitize(input);
            Assert.Equal(once.Html, _sanitizer.SanitizeHtml(once.Html).Html);
        }
    }

    /// <summary>The tree as names and attribute names only, in document order.</summary>
    private static string Shape(string html)
    {
        var body = new HtmlParser().ParseDocument(html).Body!;
        return string.Join(' ', body.QuerySelectorAll("*").Select(e =>
            e.LocalName + "[" + string.Join(',', e.Attributes.Select(a => a.Name)) + "]"));
    }
}
