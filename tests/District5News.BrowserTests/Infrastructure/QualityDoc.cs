namespace District5News.BrowserTests.Infrastructure;

/// <summary>Rewrites one generated section of docs/quality.md, between &lt;!-- name:start --&gt; and &lt;!-- name:end --&gt;.</summary>
public static class QualityDoc
{
    public static string Path => System.IO.Path.Combine(TestPaths.RepositoryRoot, "docs", "quality.md");

    public static async Task ReplaceSectionAsync(string name, string content)
    {
        var text = await File.ReadAllTextAsync(Path);
        var start = $"<!-- {name}:start -->";
        var end = $"<!-- {name}:end -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{Path} has no {start} … {end} section.");
        }

        var updated = text[..(from + start.Length)] + "\n" + content.TrimEnd('\n') + "\n" + text[to..];
        await File.WriteAllTextAsync(Path, updated);
    }
}
