using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;

namespace District5News.IntegrationTests.Residents.Units;

/// <summary>What a resident reads about publishing units: the units' pages, the publisher line, the units in lists.</summary>
public sealed class UnitPagesTests(UnitsSiteFactory app) : IClassFixture<UnitsSiteFactory>
{
    [Fact]
    public async Task WardPage_ListsItsOwnAndItsPredecessorsBulletins_EachPredecessorsMarked()
    {
        var (response, page) = await app.GetAsReaderAsync("/don-vi/cho-lon?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Phường Chợ Lớn", page.Text("[data-test=unit-title]"));
        Assert.Contains("Trang 2 / 2 · 14 bản tin", page.Text(".page-info"), StringComparison.Ordinal);
        Assert.Equal(
            [
                (app.ChoLonNews[0].Title, (string?)null),
                (app.Phuong11.Title, "Tin của Phường 11 (trước 01/07/2025)"),
                (app.Phuong10.Title, "Tin của Phường 10 (trước 01/01/2025)"),
                (app.Phuong15.Title, "Tin của Phường 15 (trước 01/01/2021)"),
            ],
            Items(page));
        Assert.Contains("Phường 11", page.Text("[data-test=predecessors]"), StringComparison.Ordinal);
        Assert.Contains("Phường 15", page.Text("[data-test=predecessors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WardPage_LeavesOutOtherUnitsAndDrafts()
    {
        var (_, first) = await app.GetAsReaderAsync("/don-vi/cho-lon");
        var (_, second) = await app.GetAsReaderAsync("/don-vi/cho-lon?page=2");

        var titles = Items(first).Concat(Items(second)).Select(i => i.Title).ToList();
        Assert.Equal(14, titles.Count);
        Assert.DoesNotContain(app.AnDongNews.Title, titles);
        Assert.DoesNotContain(app.Phuong5.Title, titles);
        Assert.DoesNotContain(app.Archive.Title, titles);
        Assert.DoesNotContain(app.ChoLonDraft.Title, titles);
    }

    [Fact]
    public async Task ArchivePage_IsLabelledAsTheArchiveOfUbndQuan5_AndListsOnlyItsOwn()
    {
        var (response, page) = await app.GetAsReaderAsync("/don-vi/quan-5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lưu trữ UBND Quận 5 (đến 30/06/2025)", page.Text("[data-test=unit-title]"));
        Assert.StartsWith("Lưu trữ UBND Quận 5 (đến 30/06/2025)", page.Title, StringComparison.Ordinal);
        Assert.Contains("lưu trữ", page.Text("[data-test=archive-note]"), StringComparison.Ordinal);
        Assert.Equal([(app.Archive.Title, (string?)null)], Items(page));
    }

    [Fact]
    public async Task OldWardPage_ListsItsOwn_AndSaysWhichWardTookItOver()
    {
        var (response, page) = await app.GetAsReaderAsync("/don-vi/phuong-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Phường 11", page.Text("[data-test=unit-title]"));
        Assert.Equal(
            "Phường 11 đã được sáp nhập vào Phường Chợ Lớn từ 01/07/2025 theo Nghị quyết 1685/NQ-UBTVQH15. Tin của Phường 11 cũng có trong trang của Phường Chợ Lớn. Xem tin của Phường Chợ Lớn",
            page.Text("[data-test=taken-over]"));
        Assert.Equal("/don-vi/cho-lon", page.QuerySelector("[data-test=successor-link]")!.GetAttribute("href"));
        Assert.Equal([(app.Phuong11.Title, (string?)null), (app.Phuong10.Title, "Tin của Phường 10 (trước 01/01/2025)")], Items(page));
    }

    [Theory]
    [InlineData("/don-vi/phuong-99", HttpStatusCode.NotFound)]
    [InlineData("/don-vi/Cho-Lon", HttpStatusCode.NotFound)]
    [InlineData("/don-vi/cho-lon?page=3", HttpStatusCode.NotFound)]
    [InlineData("/don-vi/cho-lon?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/don-vi/cho-lon?page=abc", HttpStatusCode.BadRequest)]
    public async Task BadAddresses_AnswerAVietnamesePage(string url, HttpStatusCode status)
    {
        var (response, page) = await app.GetAsReaderAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(page.Text("h1"));
    }

    [Fact]
    public async Task ArticlePage_NamesItsPublisher_WithALinkToTheUnitsPage()
    {
        var (_, page) = await app.GetAsReaderAsync(UnitsSiteFactory.UrlOf(app.Phuong11));

        var publisher = page.QuerySelector("[data-test=publisher]")!;
        Assert.Equal("Đơn vị đăng tin: Phường 11", publisher.TextContent.Trim());
        Assert.Equal("/don-vi/phuong-11", publisher.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Lists_ShowEachBulletinsUnit()
    {
        var (_, page) = await app.GetAsReaderAsync("/chuyen-muc/tin-phuong");

        var units = page.QuerySelectorAll("[data-test=article-item]")
            .ToDictionary(i => i.QuerySelector(".article-link")!.TextContent.Trim(), i => i.QuerySelector("[data-test=item-unit]")?.GetAttribute("href"));
        Assert.Equal("/don-vi/an-dong", units[app.AnDongNews.Title]);
        Assert.Equal("/don-vi/cho-lon", units[app.ChoLonNews[^1].Title]);
    }

    private static List<(string Title, string? Note)> Items(IDocument page) =>
        page.QuerySelectorAll("[data-test=article-item]")
            .Select(i => (i.QuerySelector(".article-link")!.TextContent.Trim(), i.QuerySelector("[data-test=unit-note]")?.TextContent.Trim()))
            .ToList();
}
