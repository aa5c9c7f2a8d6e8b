using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// A slow connection, made exact: when a request carries <see cref="Header"/>, the test host sends its HTML in small
/// pieces with a pause after each, so Chromium parses and paints the page part by part as a phone on a weak signal
/// does. Other responses (styles, scripts, pictures) go out as usual, and requests without the header are untouched.
/// </summary>
public sealed class TrickledHtml : IStartupFilter
{
    public const string Header = "X-Test-Trickle-Html";

    private const int PieceBytes = 256;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Headers.ContainsKey(Header))
            {
                await nextMiddleware(context);
                return;
            }

            // Compressed, a page is a few pieces only; the pieces are cut from the HTML itself.
            context.Request.Headers.AcceptEncoding = "identity";
            var original = context.Response.Body;
            context.Response.Body = new TrickleStream(original, context.Response);
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                context.Response.Body = original;
            }
        });
        next(app);
    };

    private sealed class TrickleStream(Stream inner, HttpResponse response) : Stream
    {
        private bool IsHtml => response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!IsHtml)
            {
                await inner.WriteAsync(buffer, cancellationToken);
                return;
            }

            for (var start = 0; start < buffer.Length; start += PieceBytes)
            {
                await inner.WriteAsync(buffer[start..Math.Min(buffer.Length, start + PieceBytes)], cancellationToken);
                await inner.FlushAsync(cancellationToken);
                await Task.Delay(Pause, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
