using System.Text.Json;
using District5News.BrowserTests.Infrastructure;

namespace District5News.BrowserTests.Validators;

/// <summary>The Nu Html Checker (vnu-jar from npm, on Debian's Java) finds no error in the public pages' HTML as the server sends it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task PublicPages_CheckedByNuHtmlChecker_HaveNoErrors()
    {
        var errorsBefore = fixture.App.Errors.Count;
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var files = new List<string>();
        foreach (var name in PublicPages.Names)
        {
            using var response = await client.GetAsync(new Uri(await PublicPages.PathAsync(fixture.App, name), UriKind.Relative));

            // An error page instead of the real one would be checked (and could pass) in its place.
            Assert.True(response.StatusCode == PublicPages.ExpectedStatus(name),
                $"The {name} page answered {(int)response.StatusCode}, not {(int)PublicPages.ExpectedStatus(name)}.");
            var file = TestPaths.ArtifactPath("html", $"{name}.html");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
            files.Add(file);
        }

        // One Java start for all pages. --stdout: the JSON report goes to standard output instead of standard error.
        var result = await ExternalTool.RunAsync("java",
            ["-jar", TestPaths.NuHtmlCheckerJar, "--format", "json", "--errors-only", "--stdout", .. files],
            TimeSpan.FromMinutes(3));
        output.WriteLine($"Saved pages: {Path.GetDirectoryName(files[0])}");

        using var report = JsonDocument.Parse(result.Output);
        var errors = report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:"
                + $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                + $"{(m.TryGetProperty("extract", out var extract) ? "\n    " + extract.GetString()!.ReplaceLineEndings(" ") : "")}")
            .ToList();
        Assert.True(errors.Count == 0, "The Nu Html Checker found:\n" + string.Join('\n', errors));
        Assert.True(result.ExitCode == 0, $"vnu exited {result.ExitCode}: {result.Error}");
        fixture.App.Errors.AssertNoneSince(errorsBefore);
    }
}
