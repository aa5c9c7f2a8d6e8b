using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>Screenshots for the README: always saved with the artifacts, copied to docs/images only when asked (D5_UPDATE_DOCS=1).</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string fileName, ITestOutputHelper output)
    {
        var path = TestPaths.ArtifactPath("screenshots", fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });
        output.WriteLine($"Screenshot: {path}");
        if (TestPaths.UpdateDocs)
        {
            var docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "images", fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(path, docs, overwrite: true);
            output.WriteLine($"Updated {docs}");
        }

        return path;
    }
}
