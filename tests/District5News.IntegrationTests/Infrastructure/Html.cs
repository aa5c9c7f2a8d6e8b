using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>Reads responses as HTML documents.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element matches {selector}");

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    /// <summary>The visit counter's total, read from its digits as a person reads them.</summary>
    public static long VisitCounter(this IDocument document) =>
        long.Parse(string.Concat(document.QuerySelectorAll("[data-test=visit-counter] .digit").Select(d => d.TextContent.Trim())),
            System.Globalization.CultureInfo.InvariantCulture);
}
