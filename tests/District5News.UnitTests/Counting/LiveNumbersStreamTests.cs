using System.IO.Pipelines;
using System.Text;
using District5News.Web.Features.Counting;

namespace District5News.UnitTests.Counting;

public sealed class LiveNumbersStreamTests
{
    private const string Page = "<p>Lượt xem: <!--d5:views:42--></p><div><!--d5:visits--></div><!-- ordinary comment --><!--d5:unknown--><!--d5";

    [Fact]
    public async Task Write_WholePage_FillsEveryMarkerAndKeepsTheRest()
    {
        var (text, source) = await RunAsync([Encoding.UTF8.GetBytes(Page)]);

        Assert.Equal("<p>Lượt xem: 1.234</p><div>[visits]</div><!-- ordinary comment --><!--d5:unknown--><!--d5", text);
        Assert.True(source.Starts > 0);
    }

    [Fact]
    public async Task Write_PageCutAtEveryByte_GivesTheSameResult()
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var (text, _) = await RunAsync([bytes[..cut], bytes[cut..]]);
            Assert.Equal("<p>Lượt xem: 1.234</p><div>[visits]</div><!-- ordinary comment --><!--d5:unknown--><!--d5", text);
        }
    }

    [Fact]
    public async Task Write_OneByteAtATime_GivesTheSameResult()
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        var (text, _) = await RunAsync(bytes.Select(b => new[] { b }).ToArray());

        Assert.Equal("<p>Lượt xem: 1.234</p><div>[visits]</div><!-- ordinary comment --><!--d5:unknown--><!--d5", text);
    }

    [Fact]
    public async Task Write_LongTextStartingLikeAMarker_IsPassedThrough()
    {
        var page = "<!--d5:" + new string('x', 100) + "--> after";
        var (text, _) = await RunAsync([Encoding.UTF8.GetBytes(page)]);

        Assert.Equal(page, text);
    }

    private static async Task<(string Text, FakeSource Source)> RunAsync(byte[][] writes)
    {
        var pipe = new Pipe();
        var source = new FakeSource();
        await using (var stream = new LiveNumbersStream(pipe.Writer, source))
        {
            foreach (var write in writes)
            {
                await stream.WriteAsync(write);
                await stream.FlushAsync();
            }

            await stream.CompleteAsync(CancellationToken.None);
        }

        await pipe.Writer.CompleteAsync();
        var result = await pipe.Reader.ReadAtLeastAsync(int.MaxValue);
        var text = Encoding.UTF8.GetString(result.Buffer);
        return (text, source);
    }

    private sealed class FakeSource : ILiveNumbersSource
    {
        public int Starts { get; private set; }

        public void Start() => Starts++;

        public ValueTask<byte[]> ResolveAsync(int? articleId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Encoding.UTF8.GetBytes(articleId == 42 ? "1.234" : articleId is null ? "[visits]" : "?"));
    }
}
