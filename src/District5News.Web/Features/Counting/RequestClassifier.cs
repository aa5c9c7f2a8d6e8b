using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace District5News.Web.Features.Counting;

/// <summary>Decides whether a request is a person reading: not a crawler, not a preview fetcher, not a prefetch.</summary>
public static partial class RequestClassifier
{
    public static bool IsCountable(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        if (IsPrefetch(request.Headers))
        {
            return false;
        }

        return !IsBot(request.Headers.UserAgent.ToString());
    }

    // A site sees few distinct user agents; remembering the answer saves running the pattern on every request.
    private const int MaxRemembered = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    /// <summary>Crawlers, link-preview fetchers, AI agents, command-line clients, and requests with no user agent at all.</summary>
    public static bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }

        if (Known.TryGetValue(userAgent, out var isBot))
        {
            return isBot;
        }

        isBot = BotPattern().IsMatch(userAgent);
        if (Known.Count >= MaxRemembered)
        {
            Known.Clear();
        }

        Known[userAgent] = isBot;
        return isBot;
    }

    public static bool IsPrefetch(IHeaderDictionary headers) =>
        headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || headers["X-Purpose"].ToString().Contains("preview", StringComparison.OrdinalIgnoreCase)
        || headers["X-Moz"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        @"bot\b|bot/|crawl|spider|slurp|mediapartners|facebookexternalhit|facebookcatalog|meta-externalagent|ChatGPT-User|GPTBot|OAI-SearchBot|" +
        @"ClaudeBot|Claude-User|anthropic-ai|PerplexityBot|Perplexity-User|Bytespider|Amazonbot|Applebot|bingpreview|YandexBot|Baiduspider|" +
        @"DuckDuckBot|Sogou|Exabot|ia_archiver|archive\.org_bot|Zalobot|TelegramBot|WhatsApp|Discordbot|Slackbot|Twitterbot|LinkedInBot|" +
        @"SkypeUriPreview|Pinterest|redditbot|Google-InspectionTool|GoogleOther|Lighthouse|PageSpeed|HeadlessChrome|PhantomJS|" +
        @"curl/|wget/|python-requests|python-urllib|aiohttp|httpx|Go-http-client|Java/|okhttp|libwww-perl|Scrapy|node-fetch|axios/|" +
        @"HttpClient|Postman|insomnia|wrk|ApacheBench|uptime|monitor|pingdom|checker|validator|preview|fetcher|scanner",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
