using District5News.BrowserTests.Infrastructure;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>No typed text is lost: a tab closed mid-sentence, or a sign-in that expired before saving, brings the text back on return.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AutosaveJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Title = "Thông báo lịch tiêm chủng mở rộng tại phường Chợ Lớn";
    private const string HalfSentence = "Trạm y tế phường tổ chức tiêm vào sáng thứ Bảy, người dân mang theo";

    private readonly BrowserAppFactory _app = fixture.App;

    [Fact]
    public Task Editor_ClosesTheTabMidSentence_AndFindsTheTextOnReturn() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await page.SignInAsync(_app, StaffRoles.Editor);
            await page.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            await TypeAsync(page, Title + " (đóng thẻ)");

            // The tab is closed without saving: the page's leaving handlers run, as when a person closes it.
            var context = page.Context;
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

            var again = await context.NewPageAsync();
            await again.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            await RestoreAsync(again, Title + " (đóng thẻ)");
        });

    [Fact]
    public Task Editor_WhoseSignInExpired_FindsTheTextAfterSigningInAgain() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            var email = await page.SignInAsync(_app, StaffRoles.Editor);
            await page.GotoAsync(_app.Url("/admin/bai-viet/tao-moi"));
            await TypeAsync(page, Title + " (hết phiên)");

            // The sign-in expires while the form is open; pressing "Lưu nháp" then lands on the sign-in page.
            await page.Context.ClearCookiesAsync();
            await page.Locator("[data-test=save-draft]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tai-khoan/dang-nhap");
            var form = page.Locator("[data-test=signin-form]");
            await form.GetByLabel("Email").FillAsync(email);
            await form.GetByLabel("Mật khẩu").FillAsync(Staff.Password);
            await form.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/bai-viet/tao-moi");
            await RestoreAsync(page, Title + " (hết phiên)");
        });

    private static async Task TypeAsync(IPage page, string title)
    {
        var form = page.Locator("[data-test=article-form]");
        await form.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
        var body = page.Locator("[data-test=body-editor]");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync(HalfSentence);
    }

    /// <summary>The form offers the draft with its time; restoring it fills the title and the body as they were typed.</summary>
    private static async Task RestoreAsync(IPage page, string title)
    {
        var restore = page.Locator("[data-test=draft-restore]");
        await Expect(restore).ToContainTextAsync("Khôi phục bản nháp lưu lúc ");
        await Expect(page.Locator("[data-test=draft-discard]")).ToHaveTextAsync("Bỏ bản nháp");
        await restore.ClickAsync();

        await Expect(page.Locator("[data-test=draft-restored]")).ToContainTextAsync("Đã khôi phục bản nháp tự lưu lúc");
        await Expect(page.Locator("[data-test=article-form]").GetByLabel("Tiêu đề", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(page.Locator("[data-test=body-editor]")).ToContainTextAsync(HalfSentence);
    }
}
