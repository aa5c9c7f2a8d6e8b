namespace District5News.BrowserTests.Infrastructure;

/// <summary>Where the repository, the node tools and the test artifacts are, whatever folder the tests run from.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>tests/node_modules, installed by scripts/install-test-deps.sh (npm ci).</summary>
    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "node_modules");

    public static string AxeScript => RequireTool(Path.Combine(NodeModules, "axe-core", "axe.min.js"));

    public static string NuHtmlCheckerJar => RequireTool(Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar"));

    public static string LighthouseCli => RequireTool(Path.Combine(NodeModules, "lighthouse", "cli", "index.js"));

    public const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// Screenshots, saved pages and validator reports. Next to the test results when scripts/test.sh sets
    /// TEST_RESULTS_DIR, else TestResults/browser-artifacts at the repository root.
    /// </summary>
    public static string Artifacts { get; } = CreateArtifactsFolder();

    public static string ArtifactPath(string folder, string fileName)
    {
        var path = Path.Combine(Artifacts, folder);
        Directory.CreateDirectory(path);
        return Path.Combine(path, fileName);
    }

    /// <summary>README screenshots and docs/quality.md are rewritten only when asked (scripts/update-docs.sh), so a test run leaves the work tree clean.</summary>
    public static bool UpdateDocs => Environment.GetEnvironmentVariable("D5_UPDATE_DOCS") == "1";

    private static string RequireTool(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run scripts/install-test-deps.sh (npm ci in tests/).", path);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "District5News.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("District5News.sln not found above " + AppContext.BaseDirectory);
    }

    private static string CreateArtifactsFolder()
    {
        var results = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR");
        var folder = string.IsNullOrEmpty(results)
            ? Path.Combine(RepositoryRoot, "TestResults", "browser-artifacts")
            : Path.Combine(Path.GetFullPath(results, RepositoryRoot), "browser-artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
