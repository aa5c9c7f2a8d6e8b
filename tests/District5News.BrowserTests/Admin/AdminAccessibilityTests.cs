using District5News.BrowserTests.Infrastructure;
using District5News.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>axe-core finds no accessibility violation in the back office either, on a PC or a phone, with its scripts running.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> PagesAndDevices()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in AdminPages.Names)
        {
            data.Add(page, Device.Desktop.Name);
            data.Add(page, Device.Phone.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndDevices))]
    public Task AdminPage_CheckedByAxe_HasNoViolations(string name, string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            // The administrator sees every page; an editor sees a subset of the same views.
            await page.SignInAsync(fixture.App, StaffRoles.Administrator);
            await page.GotoAsync(fixture.App.Url(await AdminPages.PathAsync(fixture.App, name)));
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            if (name is "new-bulletin" or "edit-bulletin")
            {
                // The rich editor is built by script; check it as staff meet it.
                await Expect(page.Locator("[data-test=editor-toolbar]")).ToBeVisibleAsync();
            }

            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, $"axe-core found on the admin {name} page:\n" + string.Join('\n', violations));
        }, bypassCsp: true, name: $"Axe-admin-{name}");
}
