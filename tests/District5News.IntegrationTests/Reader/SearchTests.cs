using System.Net;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Reader;

/// <summary>Search semantics, the same on SQLite (FTS5) and PostgreSQL (GIN full-text indexes).</summary>
public abstract class SearchTests(ReaderSiteFactory app)
{
    [Theory]
    [InlineData("tuyen giao")]
    [InlineData("TUYÊN GIÁO")]
    [InlineData("tuyên giáo")]
    [InlineData("Tuyen   Giao")]
    public async Task Search_AnyCaseOrToneMarks_FindsTheSameBulletins(string query)
    {
        var (response, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Ban Tuyên giáo Quận ủy triển khai nhiệm vụ năm 2027"], page.Texts("[data-test=search-result] .article-link"));
    }

    [Fact]
    public async Task Search_DecomposedInput_FindsPrecomposedText()
    {
        var decomposed = "tuyên giáo".Normalize(System.Text.NormalizationForm.FormD);
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString(decomposed));

        Assert.Single(page.QuerySelectorAll("[data-test=search-result]"));
    }

    [Fact]
    public async Task Search_DongChiWithoutMarks_FindsDongChiWithDStroke()
    {
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=dong+chi");

        Assert.Equal(["Đồng chí Bí thư Quận ủy thăm hỏi gia đình chính sách"], page.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(["Đồng chí"], page.Texts("[data-test=search-result] .article-link mark"));
    }

    [Fact]
    public async Task Search_EveryWordMustMatch()
    {
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao+bi+thu");
        var (_, firstHalf) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao");
        var (_, secondHalf) = await app.GetAsReaderAsync("/tim-kiem?q=bi+thu");

        Assert.Empty(page.QuerySelectorAll("[data-test=search-result]"));
        Assert.Contains("Không tìm thấy", page.Text("main"), StringComparison.Ordinal);

        // Each half alone finds its bulletin: nothing was found only because no bulletin holds all four words.
        Assert.Equal([app.TuyenGiao.Title], firstHalf.Texts("[data-test=search-result] .article-link"));
        Assert.Equal([app.DongChi.Title], secondHalf.Texts("[data-test=search-result] .article-link"));
    }

    [Fact]
    public async Task Search_WordsAreSyllablesNotSubstrings()
    {
        // "giao" must not match inside "giáo" of another word form such as "giaothong", nor "tuy" match "tuyên".
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=tuy");
        var (_, wholeWord) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen");

        Assert.Empty(page.QuerySelectorAll("[data-test=search-result]"));
        Assert.Equal([app.TuyenGiao.Title], wholeWord.Texts("[data-test=search-result] .article-link"));
    }

    [Fact]
    public async Task Search_HiddenBulletins_AreNeverFound()
    {
        // The draft, the unpublished and the scheduled bulletins all mention "tuyên giáo" in their titles.
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao");

        // The three would match, and the search does find the one public bulletin with those words.
        Assert.All([app.Draft, app.Unpublished, app.Scheduled], a => Assert.EndsWith("về tuyên giáo", a.Title, StringComparison.Ordinal));
        Assert.Equal([app.TuyenGiao.Title], page.Texts("[data-test=search-result] .article-link"));
        Assert.DoesNotContain(page.Texts("[data-test=search-result] .article-link"), t => t.Contains("Thông báo", StringComparison.Ordinal) || t.Contains("nháp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ManyResults_PagedNewestFirstWithTitleMatchesFirst()
    {
        var (_, first) = await app.GetAsReaderAsync("/tim-kiem?q=ban+tin+quan");
        var titles = first.Texts("[data-test=search-result] .article-link");

        Assert.Equal(10, titles.Count);
        Assert.Equal("Bản tin quận số 25", titles[0]);
        Assert.Equal("Bản tin quận số 16", titles[9]);
        Assert.Contains("Tìm thấy 25 bản tin", first.Text("[data-test=search-count]"), StringComparison.Ordinal);
        Assert.Equal("/tim-kiem?q=ban%20tin%20quan&page=2", first.QuerySelector("[data-test=xem-tiep]")!.GetAttribute("href"));

        var (_, third) = await app.GetAsReaderAsync("/tim-kiem?q=ban+tin+quan&page=3");
        Assert.Equal(5, third.QuerySelectorAll("[data-test=search-result]").Length);
    }

    [Fact]
    public async Task Search_QueryWithHtml_IsShownEscapedNeverExecuted()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString("<script>alert(1)</script> tuyên"), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_QueryWithSql_IsJustText()
    {
        var (response, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("tuyen' OR 1=1; DROP TABLE Articles; --"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("[data-test=search-result]"));
        var (_, again) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao");
        Assert.Single(again.QuerySelectorAll("[data-test=search-result]"));
    }

    [Fact]
    public async Task Search_FtsOperatorsInQuery_AreTreatedAsWords()
    {
        var (response, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("tuyen NEAR giao* \"AND\" OR"));
        var (_, withoutOperators) = await app.GetAsReaderAsync("/tim-kiem?q=tuyen+giao");

        // Read as FTS5 syntax the query would find the Tuyên giáo bulletin; read as words it needs "near", "and" and "or" too.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("[data-test=search-result]"));
        Assert.Equal([app.TuyenGiao.Title], withoutOperators.Texts("[data-test=search-result] .article-link"));
    }

    public sealed class OnSqlite(ReaderSiteFactory app) : SearchTests(app), IClassFixture<ReaderSiteFactory>;

    public sealed class OnPostgreSql(ReaderSiteFactory.OnPostgreSql app) : SearchTests(app), IClassFixture<ReaderSiteFactory.OnPostgreSql>;
}
