using District5News.BrowserTests.Infrastructure;

namespace District5News.BrowserTests.Validators;

/// <summary>axe-core finds no accessibility violation on any public page, on a PC or a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> PagesAndDevices()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in PublicPages.Names)
        {
            data.Add(page, Device.Desktop.Name);
            data.Add(page, Device.Phone.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndDevices))]
    public Task PublicPage_CheckedByAxe_HasNoViolations(string name, string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            var response = await page.GotoAsync(fixture.App.Url(await PublicPages.PathAsync(fixture.App, name)));
            Assert.Equal((int)PublicPages.ExpectedStatus(name), response?.Status);
            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, $"axe-core found on the {name} page:\n" + string.Join('\n', violations));
        }, bypassCsp: true, errorPage: name == "not-found", name: $"Axe-{name}");
}
