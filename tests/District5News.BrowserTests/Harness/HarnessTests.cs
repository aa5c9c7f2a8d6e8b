using District5News.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace District5News.BrowserTests.Harness;

/// <summary>The checks every journey relies on really see what they claim to see.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HarnessTests(BrowserFixture fixture)
{
    [Fact]
    public void AppLogsAnError_LoggedErrors_CatchesIt()
    {
        var before = fixture.App.Errors.Count;
        fixture.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Harness").LogError("Harness check {Number}", 42);

        var caught = fixture.App.Errors.Since(before);
        Assert.Equal("Error: Harness check 42", Assert.Single(caught));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => fixture.App.Errors.AssertNoneSince(before));
    }

    [Fact]
    public async Task StylesheetAskedForWithCompression_IsServedWhole()
    {
        // Browsers always ask for brotli or gzip; the build output must still hand them the real stylesheet.
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            BaseAddress = fixture.App.BaseAddress,
        };
        var css = await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Contains(".site-header", css, StringComparison.Ordinal);
    }
}
