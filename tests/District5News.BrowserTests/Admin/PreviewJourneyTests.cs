using District5News.BrowserTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>An editor types a time (the sentence beside the buttons follows), previews the draft in a new tab, and a half-typed time cannot publish.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Fact]
    public Task Editor_TypesATime_PreviewsInANewTab_AndAHalfTypedTimeCannotPublish() =>
        fixture.JourneyAsync(output, Device.Desktop, errorPage: true, steps: async (page, journey) =>
        {
            var draft = BulletinDraft.ReceptionHours("Lịch tiếp công dân tháng 1, xem trước khi đăng");
            await page.SignInAsync(_app, StaffRoles.Editor);
            await page.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            await BulletinEditor.WriteAsync(page, draft);

            var outcome = page.Locator("[data-test=publish-outcome]");
            await Expect(outcome).ToHaveTextAsync("Đăng ngay");
            await page.GetByLabel("Ngày (ngày/tháng/năm)").FillAsync("23/12/2030");
            await Expect(outcome).ToHaveTextAsync("Chưa đăng được: thời điểm đăng chưa đủ hoặc không hợp lệ.");
            await page.GetByLabel("Giờ (giờ:phút, 24 giờ)").FillAsync("08:15");
            await Expect(outcome).ToHaveTextAsync("Sẽ đăng lúc 8:15 sáng 23/12/2030");
            await Expect(page.Locator("[data-test=publish]")).ToHaveTextAsync("Hẹn giờ đăng");

            var preview = await page.Context.RunAndWaitForPageAsync(() => page.Locator("[data-test=preview]").ClickAsync());
            await preview.WaitForLoadStateAsync();
            await Expect(preview.Locator("[data-test=preview-banner]")).ToContainTextAsync("Bản xem trước — chưa đăng");
            await Expect(preview.Locator("[data-test=article] [data-test=title]")).ToHaveTextAsync(draft.Title);
            await Expect(preview.Locator("[data-test=article] [data-test=body] h2")).ToHaveTextAsync(draft.Heading);
            await preview.CloseAsync();

            // Half typed: the time is cleared, the day kept; publishing is refused beside the field.
            await page.GetByLabel("Giờ (giờ:phút, 24 giờ)").FillAsync(string.Empty);
            await page.Locator("[data-test=publish]").ClickAsync();
            await Expect(page.Locator("[data-test=error-PublishAt]")).ToContainTextAsync("chưa nhập giờ");
            await Expect(page).ToHaveURLAsync(_app.Url("/admin/bai-viet/tao-moi"));
        });
}
