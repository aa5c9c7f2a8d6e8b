using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.Http;

namespace District5News.UnitTests.Counting;

public sealed class RequestClassifierTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ChatGPT-User/1.0; +https://openai.com/bot)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)")]
    [InlineData("Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("")]
    [InlineData(null)]
    public void IsBot_CrawlersAndScripts_AreBots(string? userAgent) => Assert.True(RequestClassifier.IsBot(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/500")]
    public void IsBot_Browsers_AreNotBots(string userAgent) =>
        Assert.False(RequestClassifier.IsBot(userAgent)); // Zalo's in-app browser is a person reading, unlike its preview fetcher

    [Theory]
    [InlineData("Sec-Purpose", "prefetch", true)]
    [InlineData("Sec-Purpose", "prefetch;prerender", true)]
    [InlineData("Purpose", "prefetch", true)]
    [InlineData("X-Moz", "prefetch", true)]
    [InlineData("Accept", "text/html", false)]
    public void IsPrefetch_ReadsThePurposeHeaders(string header, string value, bool expected)
    {
        var headers = new HeaderDictionary { [header] = value };

        Assert.Equal(expected, RequestClassifier.IsPrefetch(headers));
    }
}
