using District5News.BrowserTests.Infrastructure;

namespace District5News.BrowserTests.Reader;

/// <summary>
/// On a weak signal a phone paints a page while its HTML is still arriving: the header before the name beside the logo,
/// a row of buttons before its last button, a form before its button. What is already on the screen must stay where it
/// is while the rest arrives, on every public page, on a phone and a PC, at the default text size and at A+ pressed
/// twice (applied before the first paint): the page's layout shift (what CLS counts) stays within
/// <see cref="LayoutShifts.Budget"/>. The HTML is sent in small pieces with a pause after each
/// (<see cref="TrickledHtml"/>), so those partial paints happen on every run, not only on a loaded machine.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SlowConnectionTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>The key and value reading.js keeps the text size under (2 = A+ pressed twice).</summary>
    private const string LargeTextChoice = "try { localStorage.setItem('tt-q5-co-chu', '2'); } catch (e) { }";

    public static TheoryData<string, string, bool> PagesDevicesAndSizes()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var page in PublicPages.Names)
        {
            data.Add(page, Device.Desktop.Name, false);
            data.Add(page, Device.Desktop.Name, true);
            data.Add(page, Device.Phone.Name, false);
            data.Add(page, Device.Phone.Name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesDevicesAndSizes))]
    public Task PublicPage_PaintedWhileItsHtmlArrives_MovesNothingAlreadyShown(string name, string device, bool largeText) =>
        fixture.JourneyAsync(output, device == Device.Phone.Name ? Device.Phone : Device.Desktop, async page =>
        {
            if (largeText)
            {
                await page.AddInitScriptAsync(LargeTextChoice);
            }

            await LayoutShifts.RecordAsync(page);
            await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [TrickledHtml.Header] = "1" });
            var response = await page.GotoAsync(fixture.App.Url(await PublicPages.PathAsync(fixture.App, name)));
            Assert.Equal((int)PublicPages.ExpectedStatus(name), response?.Status);
            if (largeText)
            {
                Assert.Contains("text-size-2", await page.GetAttributeAsync("html", "class") ?? "", StringComparison.Ordinal);
            }

            output.WriteLine($"{name}: layout shift {await LayoutShifts.AssertWithinBudgetAsync(page):0.#####}");
        }, errorPage: name == "not-found", name: $"SlowConnection-{name}-{(largeText ? "large" : "default")}");
}
