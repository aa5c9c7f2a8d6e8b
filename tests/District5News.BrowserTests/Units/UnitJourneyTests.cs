using District5News.BrowserTests.Infrastructure;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Units;

/// <summary>
/// Publishing units (issue 12): an editor of Phường Chợ Lớn publishes a bulletin and cannot touch Phường An Đông's; a
/// resident picks Chợ Lớn on the home page and finds its bulletins and the old Phường 11's, on a phone and a PC.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnitJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int AnDong = 3;
    private const int Phuong11 = 21;

    private readonly BrowserAppFactory _app = fixture.App;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task ChoLonEditorPublishes_CannotTouchAnDong_ResidentPicksChoLonAndFindsItsAndPhuong11sBulletins(string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async (page, journey) =>
        {
            var onPhone = device == Device.Phone.Name;
            var suffix = onPhone ? "(điện thoại)" : "(máy tính)";
            var anDongId = await SeedAsync($"Phường An Đông thông báo lịch tiêm chủng {suffix}", AnDong, new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc));
            var oldWardTitle = $"Phường 11 trao học bổng cho học sinh vượt khó {suffix}";
            await SeedAsync(oldWardTitle, Phuong11, new DateTime(2025, 5, 10, 1, 0, 0, DateTimeKind.Utc));
            var title = $"Phường Chợ Lớn ra quân làm sạch kênh Hàng Bàng {suffix}";

            // The editor of Chợ Lớn: the form offers only Chợ Lớn, and the bulletin is published.
            await page.SignInAsync(_app, StaffRoles.Editor, units: ["cho-lon"]);
            await page.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            var form = page.Locator("[data-test=article-form]");
            await Expect(form.Locator("[data-test=unit] option")).ToHaveTextAsync(["Phường Chợ Lớn"]);
            await form.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
            await form.GetByLabel("Chuyên mục", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tin phường" });
            await form.GetByLabel("Tóm tắt").FillAsync("Sáng nay, cán bộ và người dân Phường Chợ Lớn ra quân vớt rác, làm sạch kênh Hàng Bàng.");
            await page.Locator("[data-test=body-editor]").ClickAsync();
            await page.Keyboard.TypeAsync("Hơn 150 người tham gia, thu gom khoảng hai tấn rác.");
            await page.Locator("[data-test=publish]").ClickAsync();
            await Expect(page.Locator("[data-test=state]")).ToHaveTextAsync(EditorStates.Label(EditorState.Published));

            // An Đông's bulletin: not in the list, and its edit page refuses with the reason.
            await page.GotoAsync(_app.Url("/admin/bai-viet"));
            await Expect(page.Locator("[data-test=row-title]", new() { HasText = title })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=row-title]", new() { HasText = "Phường An Đông thông báo" })).ToHaveCountAsync(0);
            var denied = await journey.NewPageAsync(errorPage: true);
            await denied.SignInAsync(_app, StaffRoles.Editor, units: ["cho-lon"]);
            var response = await denied.GotoAsync(_app.Url($"/admin/bai-viet/{anDongId}/sua"));
            Assert.Equal(403, response!.Status);
            await Expect(denied.Locator("[data-test=error-message]")).ToContainTextAsync("Bản tin này thuộc Phường An Đông");

            // A resident picks Chợ Lớn on the home page: its news comes first, the choice is remembered.
            var resident = await journey.NewPageAsync();
            await resident.GotoAsync(_app.Url("/"));
            var picker = resident.Locator("[data-test=ward-picker]");
            await picker.GetByLabel("Phường của bạn").SelectOptionAsync(new SelectOptionValue { Label = "Phường Chợ Lớn" });
            await picker.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(resident).ToHaveURLAsync(_app.Url("/"));
            var section = resident.Locator("[data-test=ward-section]");
            await Expect(section.Locator("h2")).ToHaveTextAsync("Tin của Phường Chợ Lớn");
            await Expect(section.Locator("a.article-link", new() { HasText = title })).ToBeVisibleAsync();
            await AssertCleanAsync(resident, onPhone);
            await resident.ReloadAsync();
            await Expect(section.Locator("a.article-link", new() { HasText = title })).ToBeVisibleAsync();

            // All of Chợ Lớn's news, the old Phường 11's included and marked as such.
            await section.Locator("[data-test=ward-more]").ClickAsync();
            await Expect(resident).ToHaveURLAsync(_app.Url("/don-vi/cho-lon"));
            await Expect(resident.Locator("[data-test=predecessors]")).ToContainTextAsync("Phường 11");
            var oldWard = resident.Locator("[data-test=article-item]", new() { HasText = oldWardTitle });
            for (var next = 2; next < 20 && await oldWard.CountAsync() == 0; next++)
            {
                await resident.Locator("[data-test=pager] [data-test=xem-tiep]").ClickAsync();

                // The click only starts the navigation: counting before the next page has replaced this one would count
                // this page again and skip a page.
                await Expect(resident).ToHaveURLAsync(_app.Url($"/don-vi/cho-lon?page={next}"));
            }

            await Expect(oldWard.Locator("[data-test=unit-note]")).ToHaveTextAsync("Tin của Phường 11 (trước 01/07/2025)");
            await AssertCleanAsync(resident, onPhone);
            await oldWard.Locator("a.article-link").ClickAsync();
            await Expect(resident.Locator("[data-test=publisher]")).ToHaveTextAsync("Đơn vị đăng tin: Phường 11");
        },
        bypassCsp: true);

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task UnitsPages_PublicAndAdmin_CheckedByAxe_HaveNoViolations(string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            var onPhone = device == Device.Phone.Name;
            foreach (var path in new[] { "/don-vi/quan-5", "/don-vi/phuong-11", "/don-vi/an-dong" })
            {
                await page.GotoAsync(_app.Url(path));
                await Expect(page.Locator("[data-test=unit-title]")).ToBeVisibleAsync();
                await AssertCleanAsync(page, onPhone);
            }

            var email = await page.SignInAsync(_app, StaffRoles.Administrator);
            var userId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            foreach (var path in new[] { "/admin/don-vi", "/admin/don-vi/4/sua", $"/admin/tai-khoan/{userId}/don-vi", "/admin/thong-ke?don-vi=cho-lon" })
            {
                await page.GotoAsync(_app.Url(path));
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                await AssertCleanAsync(page, onPhone: false);
            }
        },
        bypassCsp: true);

    private Task<int> SeedAsync(string title, int unitId, DateTime publishedAtUtc) => _app.WithDbAsync(async db =>
    {
        var article = new Article { CategoryId = TestArticles.WardNews, UnitId = unitId, CreatedAtUtc = publishedAtUtc, UpdatedAtUtc = publishedAtUtc };
        article.SetContent(title, "Tóm tắt " + title, new HtmlBodySanitizer().FromParagraphs(["Nội dung " + title]), "Nội dung " + title);
        article.Publish(publishedAtUtc);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await _app.PublicContentChangedAsync();
        return article.Id;
    });

    /// <summary>axe-core finds nothing, and on a phone the page does not scroll sideways.</summary>
    private static async Task AssertCleanAsync(IPage page, bool onPhone)
    {
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join('\n', violations));
        if (onPhone)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{page.Url} scrolls sideways: {widths[0]} px of content in a {widths[1]} px window.");
        }
    }
}
