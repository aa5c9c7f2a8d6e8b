using System.Globalization;
using System.Net;
using System.Text;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Import;
using District5News.IntegrationTests.Infrastructure;
using District5News.UnitTests.Editing;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// Issue 9 end to end: the Unicode hazard class put next to every markup character of the payloads, through the real
/// editor form and the real importer, then the stored HTML (as stored and after each normalization) and the public
/// page's body re-parsed hold nothing outside the sanitizer's allow-list.
/// </summary>
public sealed class XssNormalizationTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    /// <summary>
    /// Every character that normalizes into markup, every combining mark that composes with a markup character,
    /// every enclosing mark and every 16th other combining mark: the unit tests run the whole class through the
    /// sanitizer alone; this subset shows that no path adds a step after it.
    /// </summary>
    private static readonly char[] Subset = NormalizationHazards.MarkupLookalikes
        .Concat(NormalizationHazards.CombiningMarks.Where(m => NormalizationHazards.Anchors.Any(a =>
            !string.Equals((a + m.ToString()).Normalize(NormalizationForm.FormC), a + m.ToString(), StringComparison.Ordinal))))
        .Concat(NormalizationHazards.CombiningMarks.Where(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.EnclosingMark))
        .Concat(NormalizationHazards.CombiningMarks.Where((_, i) => i % 16 == 0))
        .Distinct()
        .ToArray();

    [Fact]
    public void Subset_HoldsTheCharactersThatComposeWithMarkup()
    {
        Assert.Contains('\u0338', Subset);
        Assert.Contains('\u226E', Subset);
        Assert.Contains('\uFF1C', Subset);
        Assert.True(Subset.Length > 100, $"{Subset.Length} characters");
    }

    [Fact]
    public async Task EditorForm_HazardsNextToMarkup_StoredAndPublishedBodiesHoldOnlyAllowedMarkup()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var form = await EditorForms.ReadFormAsync(editor, EditorForms.CreateUrl);
        var reference = new HtmlBodySanitizer();
        var number = 0;
        foreach (var body in Bodies(hazard => NormalizationHazards.Spellings(hazard).SelectMany(NormalizationHazards.Payloads)))
        {
            number++;
            var fields = new Dictionary<string, string>(form)
            {
                ["Input.Title"] = $"Kiểm tra ký tự đặc biệt {number}",
                ["Input.CategoryId"] = "1",
                ["Input.Lead"] = "Tóm tắt.",
                ["Input.Body"] = body,
                ["Input.Intent"] = "publish",
            };
            var response = await EditorForms.PostAsync(editor, EditorForms.CreateUrl, fields);
            if (District5News.Web.Features.Photos.BodyImages.CountWithoutAlt(reference.Sanitize(body)) > 0)
            {
                // A hazard that empties the image's alt attribute: such a body is refused, not stored (issue 13).
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                continue;
            }

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var id = EditorForms.IdFrom(response);

            var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
            Assert.Empty(NormalizationHazards.Problems(stored));

            // Exactly what the sanitizer gives: nothing between it and the database changes the HTML.
            Assert.Equal(reference.Sanitize(body).Html, stored);

            await AssertPublicBodyCleanAsync(id);
        }

        Assert.True(number > 1);
    }

    [Fact]
    public async Task Importer_HazardsNextToMarkupInParagraphs_StoredAndPublishedBodiesHoldOnlyAllowedMarkup()
    {
        var sample = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(ImportSamples.PathOf("folder/announcement.txt")));
        const string LastParagraph = "Mọi thắc mắc xin liên hệ Bộ phận Tiếp nhận và Trả kết quả quận trong giờ hành chính để được hướng dẫn.";
        Assert.Contains(LastParagraph, sample, StringComparison.Ordinal);

        // On the old portal a paragraph is a line of text: a hazard may start a line, right after the <p> the importer
        // writes. Pages are text, so "&#x338;" there is only text; the character itself is what matters.
        var files = Bodies(hazard => NormalizationHazards.Payloads(hazard.ToString())
                .Prepend(hazard + " onmouseover=alert(1) x").Append(hazard.ToString()))
            .Select((body, i) => ($"kiem-tra-{i}.txt", Encoding.UTF8.GetBytes(sample
                .Replace(ImportSamples.AnnouncementTitle, $"Kiểm tra ký tự đặc biệt khi nhập số {i}", StringComparison.Ordinal)
                .Replace(LastParagraph, body, StringComparison.Ordinal))))
            .ToArray();

        var report = await app.ImportAsync(files);

        Assert.Equal(files.Length, report.Imported);
        foreach (var bulletin in report.Bulletins)
        {
            var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == bulletin.ArticleId).Select(a => a.BodyHtml).SingleAsync());
            Assert.Empty(NormalizationHazards.Problems(stored));
            await AssertPublicBodyCleanAsync(bulletin.ArticleId);
        }
    }

    /// <summary>The subset cut into bodies of a reasonable size, one payload a line.</summary>
    private static IEnumerable<string> Bodies(Func<char, IEnumerable<string>> payloadsOf) =>
        Subset.Chunk(40).Select(chunk => string.Join('\n', chunk.SelectMany(payloadsOf)));

    private async Task AssertPublicBodyCleanAsync(int id)
    {
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        var body = page.QuerySelector("[data-test=body]");
        Assert.NotNull(body);
        Assert.Empty(NormalizationHazards.ProblemsIn(body));
    }
}
