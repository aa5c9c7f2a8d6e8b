using District5News.BrowserTests.Infrastructure;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Reader;

/// <summary>
/// A resident searches for a person by name, as the issue found it (docs/search.md): the one old bulletin naming him
/// must come first, above the newer demo bulletins and decoys that hold tổ, đại, phòng, đãi, dài apart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchRankingJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string NamingHim = "Hội nghị tổng kết công tác dân vận khu phố năm 2019";

    private static readonly SemaphoreSlim Seeded = new(1, 1);

    private readonly BrowserAppFactory _app = fixture.App;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task SearchForAName_FirstResultIsTheExactPhrase_WithTheNameMarkedInItsSnippet(string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            await AddBulletinsAsync();
            await page.GotoAsync(_app.Url("/"));
            var search = page.Locator("[data-test=search-form]");
            await search.GetByRole(AriaRole.Searchbox).FillAsync("Tô Đại Phong");
            await search.GetByRole(AriaRole.Searchbox).PressAsync("Enter");

            // The whole results page is parsed before anything is counted: a committed address alone is not enough.
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/tim-kiem\\?q="), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var results = page.Locator("[data-test=search-result]");
            Assert.True(await results.CountAsync() > 3, "The decoys and the demo bulletins holding tổ, đại and phòng should be found too.");
            // Every bulletin naming him (this test's 2019 one, older than every decoy, and any demo bulletin that does)
            // comes before every bulletin that only holds the syllables apart, and shows the name marked.
            var titles = (await results.Locator("a.article-link").AllInnerTextsAsync()).ToList();
            var naming = new List<int>();
            for (var i = 0; i < titles.Count; i++)
            {
                if ((await results.Nth(i).Locator(".lead mark").AllInnerTextsAsync()).Contains("Tô Đại Phong"))
                {
                    naming.Add(i);
                }
            }

            Assert.Contains(titles.IndexOf(NamingHim), naming);
            Assert.Equal(Enumerable.Range(0, naming.Count), naming);
            await Expect(results.First.Locator(".lead mark").First).ToBeVisibleAsync();

            // Typed without marks, the phrase still comes first: the same bulletins lead, in the same order.
            await page.Locator("#q-page").FillAsync("to dai phong");
            await page.Locator("#q-page").PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/tim-kiem\\?q=to\\+dai\\+phong"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var folded = await page.Locator("[data-test=search-result] a.article-link").AllInnerTextsAsync();
            Assert.Equal(naming.Select(i => titles[i]), folded.Take(naming.Count));

            await page.Locator("[data-test=search-result] a.article-link", new() { HasText = NamingHim }).ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(NamingHim);
        });

    /// <summary>Once per run: the bulletin naming him (the oldest) and newer decoys, all in 2019, far from every list's first page.</summary>
    private async Task AddBulletinsAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            await _app.WithDbAsync(async db =>
            {
                if (await db.Articles.AnyAsync(a => a.Title == NamingHim))
                {
                    return;
                }

                var filler = string.Concat(Enumerable.Repeat("Các đại biểu nghe báo cáo kết quả thực hiện nhiệm vụ trong năm của khu phố. ", 6));
                await TestArticles.AddAsync(db, NamingHim, new DateTime(2019, 3, 1, 8, 0, 0), TestArticles.WardNews,
                    lead: "Khu phố tổng kết công tác dân vận.",
                    paragraphs: [filler, "Phát biểu tại hội nghị, ông Tô Đại Phong, Trưởng ban Dân vận, đề nghị các tổ dân phố tiếp tục lắng nghe người dân.", filler]);
                (string Title, string Body)[] decoys =
                [
                    ("Tổ dân phố 3 tổ chức đại hội, phòng chống dịch", "Người dân tham dự đông đủ."),
                    ("Tổ dân phố đãi tiệc mừng khu phố văn hóa", "Liên hoan tại phòng sinh hoạt cộng đồng."),
                    ("Dài hạn: tổ chức phòng đọc sách cho thiếu nhi", "Sách được quyên góp từ các hộ dân."),
                    ("Tô màu tranh trong ngày hội đại đoàn kết", "Phong trào thiếu nhi của khu phố."),
                ];
                var at = new DateTime(2019, 4, 1, 8, 0, 0);
                foreach (var (title, body) in decoys)
                {
                    at = at.AddDays(7);
                    await TestArticles.AddAsync(db, title, at, TestArticles.WardNews, lead: "Tin khu phố.", paragraphs: [body]);
                }
            });
        }
        finally
        {
            Seeded.Release();
        }
    }
}
