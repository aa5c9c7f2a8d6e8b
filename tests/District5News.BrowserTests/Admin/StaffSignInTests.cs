using District5News.BrowserTests.Infrastructure;
using District5News.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>Staff reach the back office through the real sign-in form; the admin journeys build on this.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task Editor_SignsInThroughTheForm_SeesTheDashboardWithNoAccessibilityViolations() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await page.SignInAsync(fixture.App, StaffRoles.Editor);

            await Expect(page).ToHaveURLAsync(fixture.App.Url("/admin"));
            await Expect(page.Locator("[data-test=admin-menu]")).ToBeVisibleAsync();
            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, "axe-core found on the dashboard:\n" + string.Join('\n', violations));

            await page.Locator("[data-test=signout]").ClickAsync();
            await Expect(page).ToHaveURLAsync(fixture.App.Url("/"));
        }, bypassCsp: true);
}
