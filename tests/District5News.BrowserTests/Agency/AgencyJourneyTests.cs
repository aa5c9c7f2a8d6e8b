using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Configurations;
using District5News.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Agency;

/// <summary>
/// Issue 12 §2–3 in a real Chromium: an administrator sets the ward's phone and renames the portal; a resident finds
/// the phone on Liên hệ as a number to call and sees the new name in the header. The site name is put back at the
/// end, since the other journeys share this app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task Resident_CallsTheWardFromLienHe_AndSeesTheNameTheAdministratorGaveThePortal(string device) =>
        fixture.JourneyAsync(output, device == "phone" ? Device.Phone : Device.Desktop, async (admin, journey) =>
        {
            var phone = device == "phone" ? "028 3855 7701" : "028 3855 7702";
            var newName = $"Cổng thông tin Phường Chợ Lớn – thử nghiệm {device}";

            // The administrator fills in Chợ Lớn's phone (the default unit).
            await admin.SignInAsync(_app, StaffRoles.Administrator);
            await admin.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Giới thiệu đơn vị" }).ClickAsync();
            await admin.Locator("[data-test=unit-profile-row][data-slug=cho-lon] [data-test=edit-profile]").ClickAsync();
            await admin.Locator("[data-test=input-Phone]").FillAsync(phone);
            await admin.Locator("[data-test=save]").ClickAsync();
            await Expect(admin.Locator("[data-test=flash]")).ToContainTextAsync("Đã lưu giới thiệu và liên hệ của Phường Chợ Lớn");

            // A resident opens Liên hệ from the footer and can call the ward.
            var resident = await journey.NewPageAsync();
            await resident.GotoAsync(_app.Url("/"));
            await resident.Locator("[data-test=footer-nav]").GetByRole(AriaRole.Link, new() { Name = "Liên hệ" }).ClickAsync();
            await Expect(resident).ToHaveURLAsync(_app.Url("/lien-he"));
            await Expect(resident.Locator("[data-test=page-title]")).ToHaveTextAsync("Liên hệ Phường Chợ Lớn");
            var call = resident.Locator("[data-test=phone]");
            await Expect(call).ToHaveTextAsync(phone);
            await Expect(call).ToHaveAttributeAsync("href", "tel:" + phone.Replace(" ", "", StringComparison.Ordinal));

            // The administrator renames the portal; the resident's next page carries the new name.
            await admin.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Cài đặt" }).ClickAsync();
            await admin.Locator("[data-test=input-SiteName]").FillAsync(newName);
            await admin.Locator("[data-test=save]").ClickAsync();
            await Expect(admin.Locator("[data-test=flash]")).ToContainTextAsync("Đã lưu cài đặt");
            await resident.ReloadAsync();
            await Expect(resident.Locator(".site-header [data-test=site-name]")).ToHaveTextAsync(newName);
            await Expect(resident).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(newName) + "$"));

            // Back to the seeded name and no phone, as the other journeys expect.
            await admin.Locator("[data-test=input-SiteName]").FillAsync(SiteSettingsDefaults.SiteName);
            await admin.Locator("[data-test=save]").ClickAsync();
            await Expect(admin.Locator("[data-test=flash]")).ToContainTextAsync("Đã lưu cài đặt");
            await admin.GotoAsync(_app.Url("/admin/gioi-thieu/4/sua"));
            await admin.Locator("[data-test=input-Phone]").FillAsync(string.Empty);
            await admin.Locator("[data-test=save]").ClickAsync();
            await Expect(admin.Locator("[data-test=flash]")).ToBeVisibleAsync();
        });
}
