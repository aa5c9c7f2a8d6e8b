using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Reader;

/// <summary>
/// Issue 11 §6 in a real Chromium, on a phone and a PC: an administrator puts up an emergency notice through the form;
/// residents see it from its start to its end on the app's clock (cached pages included), and "Đóng" hides it for the
/// rest of the visit but not for the next visitor. The journeys leave the shared app as they found it (clock, notices).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmergencyNoticeJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Text = "Triều cường dâng cao chiều nay, hạn chế đi qua đường Trần Hưng Đạo.";

    private readonly BrowserAppFactory _app = fixture.App;

    public static TheoryData<string> Devices => new() { Device.Desktop.Name, Device.Phone.Name };

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Notice_AppearsAndEndsOnTime_AndClosingHidesItForTheVisit(string device) => WithCleanupAsync(() =>
        fixture.JourneyAsync(output, DeviceNamed(device), async (resident, journey) =>
        {
            // 26/11/2026 10:00 on the app's clock: the notice is for 10:01 to 10:03.
            var admin = await journey.NewPageAsync(Device.Desktop);
            await admin.SignInAsync(_app, StaffRoles.Administrator);
            await admin.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Thông báo khẩn" }).ClickAsync();
            await admin.Locator("[data-test=new-notice]").ClickAsync();
            var form = admin.Locator("[data-test=notice-form]");
            await form.GetByLabel("Khẩn cấp").CheckAsync();
            await form.GetByLabel("Nội dung").FillAsync(Text);
            await form.GetByLabel("Liên kết").FillAsync("https://www.hochiminhcity.gov.vn/trieu-cuong");
            var start = form.GetByRole(AriaRole.Group, new() { Name = "Bắt đầu" });
            var end = form.GetByRole(AriaRole.Group, new() { Name = "Kết thúc" });
            await start.GetByLabel("Ngày").FillAsync("26/11/2026");
            await start.GetByLabel("Giờ").FillAsync("10:01");
            await end.GetByLabel("Ngày").FillAsync("26/11/2026");
            await end.GetByLabel("Giờ").FillAsync("10:03");
            await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();
            await Expect(admin).ToHaveURLAsync(_app.Url("/admin/thong-bao-khan"));
            await Expect(admin.Locator("[data-test=flash]")).ToHaveTextAsync("Đã lưu thông báo. Thông báo sẽ hiện từ 10:01 26/11/2026 đến 10:03 26/11/2026.");
            await Expect(admin.Locator("[data-test=notice-state]").First).ToHaveTextAsync("Sắp hiện");

            // Before its start: nothing, on a page that is now cached.
            await resident.GotoAsync(_app.Url("/"));
            await resident.ReloadAsync();
            await Expect(resident.Locator("[data-test=site-notice]")).ToHaveCountAsync(0);

            // From its start: at the top of every page, announced at once (khẩn cấp), with its link and a close button.
            _app.Clock.Set(BrowserAppFactory.Now.AddMinutes(1));
            await resident.ReloadAsync();
            var notice = resident.Locator("[data-test=site-notice]");
            await Expect(notice).ToBeVisibleAsync();
            await Expect(notice.Locator("[data-test=site-notice-text]")).ToHaveTextAsync($"Khẩn cấp: {Text} Xem chi tiết");
            await Expect(resident.GetByRole(AriaRole.Alert)).ToContainTextAsync(Text);
            await Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Xem chi tiết" })).ToHaveAttributeAsync("href", "https://www.hochiminhcity.gov.vn/trieu-cuong");
            var close = notice.GetByRole(AriaRole.Button, new() { Name = "Đóng thông báo “Khẩn cấp”" });
            await Expect(close).ToBeVisibleAsync();
            await AssertOnScreenAndTappableAsync(resident, close);
            var noticeBox = await notice.BoundingBoxAsync();
            var headerBox = await resident.Locator(".site-header").BoundingBoxAsync();
            Assert.True(noticeBox!.Y < headerBox!.Y, "The notice is above the site's header.");

            await resident.Locator("[data-test=feature] h3 a").ClickAsync();
            await Expect(resident.Locator("[data-test=title]")).ToBeVisibleAsync();
            await Expect(notice).ToBeVisibleAsync();

            // "Đóng": gone for the rest of this visit, on every page, and focus is not lost.
            await close.ClickAsync();
            await Expect(notice).ToBeHiddenAsync();
            await Expect(resident.Locator("#noi-dung")).ToBeFocusedAsync();
            await resident.GotoAsync(_app.Url("/chuyen-muc/tin-phuong"));
            await Expect(resident.Locator("[data-test=site-notice]")).ToHaveCountAsync(1);
            await Expect(resident.Locator("[data-test=site-notice]")).ToBeHiddenAsync();
            await resident.ReloadAsync();
            await Expect(resident.Locator("[data-test=site-notice]")).ToBeHiddenAsync();

            // Another resident (a new visit) still sees it until its end, to the second.
            var neighbour = await journey.NewPageAsync();
            _app.Clock.Set(BrowserAppFactory.Now.AddMinutes(3).AddSeconds(-1));
            await neighbour.GotoAsync(_app.Url("/chuyen-muc/tin-phuong"));
            await Expect(neighbour.Locator("[data-test=site-notice]")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollingAsync(neighbour);

            _app.Clock.Set(BrowserAppFactory.Now.AddMinutes(3));
            await neighbour.ReloadAsync();
            await Expect(neighbour.Locator("[data-test=site-notice]")).ToHaveCountAsync(0);
            await neighbour.GotoAsync(_app.Url("/"));
            await Expect(neighbour.Locator("[data-test=site-notice]")).ToHaveCountAsync(0);
            await admin.ReloadAsync();
            await Expect(admin.Locator("[data-test=notice-state]").First).ToHaveTextAsync("Đã kết thúc");
        }, name: $"Notice-{device}"));

    [Theory]
    [MemberData(nameof(Devices))]
    public Task ThreeLevelsShown_CheckedByAxe_InNormalAndHighContrast_HaveNoViolations(string device) => WithCleanupAsync(async () =>
    {
        await _app.WithDbAsync(async db =>
        {
            var start = BrowserAppFactory.Now.UtcDateTime.AddMinutes(-5);
            foreach (var (level, text) in new[] { (NoticeLevel.Info, "Cắt nước khu phố 3 từ 8:00 đến 12:00."), (NoticeLevel.Warning, "Số ca sốt xuất huyết tăng."), (NoticeLevel.Emergency, Text) })
            {
                db.SiteNotices.Add(new SiteNotice
                {
                    Level = level, Text = text, LinkUrl = "https://www.hochiminhcity.gov.vn/", StartsAtUtc = start, EndsAtUtc = start.AddHours(1),
                    CreatedAtUtc = start, UpdatedAtUtc = start, Version = 1,
                });
            }

            await db.SaveChangesAsync();
        });
        await _app.PublicContentChangedAsync();

        await fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            foreach (var highContrast in new[] { false, true })
            {
                if (highContrast)
                {
                    await page.EvaluateAsync("() => localStorage.setItem('tt-q5-tuong-phan', '1')");
                }

                await page.GotoAsync(_app.Url(await PublicPages.PathAsync(_app, "article")));
                await Expect(page.Locator("[data-test=site-notice]")).ToHaveCountAsync(3);
                await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(1);
                await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Số ca sốt xuất huyết tăng." })).ToHaveCountAsync(1);
                var violations = await Axe.ViolationsAsync(page);
                Assert.True(violations.Count == 0, $"axe-core found with the notices shown (high contrast: {highContrast}):\n" + string.Join('\n', violations));
            }
        }, bypassCsp: true, name: $"NoticeAxe-{device}");
    });

    /// <summary>Runs <paramref name="journey"/>, then puts the clock back and removes every notice, whatever happened.</summary>
    private async Task WithCleanupAsync(Func<Task> journey)
    {
        try
        {
            await journey();
        }
        finally
        {
            _app.Clock.Set(BrowserAppFactory.Now);
            await _app.WithDbAsync(db => db.SiteNotices.ExecuteDeleteAsync());
            await _app.PublicContentChangedAsync();
        }
    }

    private static Device DeviceNamed(string name) => name == Device.Phone.Name ? Device.Phone : Device.Desktop;

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} scrolls sideways: {widths[0]} px of content in a {widths[1]} px window.");
    }

    private static async Task AssertOnScreenAndTappableAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element has no box.");
        var width = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{element} sticks out of the screen: x={box.X}, width={box.Width}.");
        Assert.True(box.Height >= 24 && box.Width >= 24, $"{element} is only {box.Width}×{box.Height} px.");
    }
}
