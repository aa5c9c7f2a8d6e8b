using System.Reflection;
using System.Text.RegularExpressions;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace District5News.UnitTests.Routing;

/// <summary>
/// Every route is written once (SiteRoutes, AdminRoutes, AccountRoutes) and links are filled from it, so a renamed
/// route renames its links: no controller writes its own template and no view writes an internal address by hand.
/// </summary>
public sealed partial class RouteTableTests
{
    private static readonly Assembly Web = typeof(SiteRoutes).Assembly;

    [Fact]
    public void EveryActionRoute_IsOneOfTheRouteConstants()
    {
        var constants = RouteConstants().ToHashSet(StringComparer.Ordinal);
        var templates = Web.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<Attribute>().OfType<IRouteTemplateProvider>().Select(a => (Method: m, a.Template)))
            .Where(r => r.Template is not null)
            .ToList();

        Assert.True(templates.Count > 30, $"expected the site's actions, found {templates.Count}");
        Assert.All(templates, r => Assert.True(constants.Contains(r.Template!),
            $"{r.Method.DeclaringType!.Name}.{r.Method.Name} has its own template {r.Template}"));
    }

    [Fact]
    public void Controllers_HaveNoRoutePrefixes()
    {
        var prefixed = Web.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<RouteAttribute>(inherit: false).Any()).Select(t => t.Name).ToList();
        Assert.Empty(prefixed);
    }

    [Theory]
    [InlineData(SiteRoutes.Article, "/tin-tuc/42/hoi-nghi", 42, "hoi-nghi")]
    [InlineData(SiteRoutes.Article, "/tin-tuc/42", 42, null)]
    [InlineData(AdminRoutes.ArticleRevision, "/admin/bai-viet/7/lich-su/3", 7, 3)]
    public void Fill_PutsValuesInTheTemplate(string template, string expected, object first, object? second)
    {
        var names = Regex.Matches(template, @"\{(\w+)").Select(m => m.Groups[1].Value).ToArray();
        var values = new List<(string, object?)> { (names[0], first) };
        if (names.Length > 1)
        {
            values.Add((names[1], second));
        }

        Assert.Equal(expected, RouteLink.Fill(template, [.. values]));
    }

    [Fact]
    public void Fill_EscapesValues_AndRefusesNamesTheRouteDoesNotHave()
    {
        Assert.Equal("/chuyen-muc/a%2Fb%20c", RouteLink.Fill(SiteRoutes.Category, ("slug", "a/b c")));
        Assert.Throws<ArgumentException>(() => RouteLink.Fill(SiteRoutes.Category, ("id", 1)));
        Assert.Throws<ArgumentException>(() => RouteLink.Fill(SiteRoutes.Category));
    }

    [Fact]
    public void Views_WriteNoInternalAddressByHand()
    {
        var root = FindWebProjectFolder();
        var handWritten = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => HandWrittenLink().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(handWritten.Count == 0, "Internal addresses written by hand:\n" + string.Join('\n', handWritten));
    }

    private static IEnumerable<string> RouteConstants() =>
        new[] { typeof(SiteRoutes), typeof(AdminRoutes), typeof(AccountRoutes), typeof(ApiRoutes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static string FindWebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "District5News.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/District5News.Web not found above the test output.");
    }

    // href="/x", action="/x", href="/" — but not "~/" static assets or "//" protocol-relative addresses.
    [GeneratedRegex("""(href|action|src)="/(?!/)""")]
    private static partial Regex HandWrittenLink();
}
