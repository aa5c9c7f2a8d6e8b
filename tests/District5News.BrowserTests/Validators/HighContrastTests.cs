using District5News.BrowserTests.Infrastructure;

namespace District5News.BrowserTests.Validators;

/// <summary>
/// The high-contrast mode and the largest text size, chosen earlier in this browser (localStorage), are applied by the
/// page's own script, and axe-core (colour contrast included) still finds nothing, on a PC and a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HighContrastTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> PagesAndDevices()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "home", "article", "search" })
        {
            data.Add(page, Device.Desktop.Name);
            data.Add(page, Device.Phone.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndDevices))]
    public Task HighContrastAndLargestText_CheckedByAxe_HaveNoViolations(string name, string device) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            await page.AddInitScriptAsync("localStorage.setItem('tt-q5-tuong-phan', '1'); localStorage.setItem('tt-q5-co-chu', '3');");
            var response = await page.GotoAsync(fixture.App.Url(await PublicPages.PathAsync(fixture.App, name)));
            Assert.Equal((int)PublicPages.ExpectedStatus(name), response?.Status);
            Assert.Equal("js text-size-3 high-contrast", await page.EvaluateAsync<string>("document.documentElement.className"));
            Assert.Equal("true", await page.GetAttributeAsync("[data-test=high-contrast]", "aria-pressed"));
            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, $"axe-core found on the {name} page in high contrast:\n" + string.Join('\n', violations));
        }, bypassCsp: true, name: $"HighContrast-{name}");
}
