using System.Buffers;
using System.IO.Pipelines;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Wraps a counted page's response body: before the first byte goes out it lets the request be counted (the status
/// is known by then, and headers can still take cookies), then it copies the body through, writing the current
/// numbers over the <see cref="LiveNumbers"/> markers. A marker cut between two writes is held back until its end
/// arrives. The scan is a vectorized search for "&lt;!--d5:", a few microseconds for a page.
/// Bytes are copied into the server's response pipe and flushed only every <see cref="FlushThreshold"/> bytes and
/// at the end: a cached page arrives in several segments, and flushing each one would cost a send per segment.
/// </summary>
internal sealed class LiveNumbersStream(PipeWriter inner, ILiveNumbersSource request) : Stream
{
    private const int FlushThreshold = 64 * 1024;

    private byte[]? _held;
    private int _heldLength;
    private long _unflushed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        request.Start();
        if (_heldLength > 0)
        {
            // Rare: a marker was cut by the previous write. Join the two pieces and scan them as one.
            var joined = new byte[_heldLength + buffer.Length];
            _held.AsSpan(0, _heldLength).CopyTo(joined);
            buffer.Span.CopyTo(joined.AsSpan(_heldLength));
            ReleaseHeld();
            buffer = joined;
        }

        while (!buffer.IsEmpty)
        {
            var start = buffer.Span.IndexOf(LiveNumbers.MarkerStart);
            if (start < 0)
            {
                var keep = PartialMarkerLength(buffer.Span);
                Put(buffer.Span[..^keep]);

                Hold(buffer.Span[^keep..]);
                break;
            }

            Put(buffer.Span[..start]);
            buffer = buffer[start..];

            var end = buffer.Span[..Math.Min(buffer.Length, LiveNumbers.MaxMarkerLength)].IndexOf(LiveNumbers.MarkerEnd);
            if (end < 0)
            {
                if (buffer.Length < LiveNumbers.MaxMarkerLength)
                {
                    Hold(buffer.Span);
                    break;
                }

                // Starts like a marker but is not one: pass its first byte and look further.
                Put(buffer.Span[..1]);
                buffer = buffer[1..];
                continue;
            }

            var markerLength = end + LiveNumbers.MarkerEnd.Length;
            if (LiveNumbers.TryParse(buffer.Span[..markerLength], out var articleId))
            {
                Put(await request.ResolveAsync(articleId, cancellationToken));
            }
            else
            {
                Put(buffer.Span[..markerLength]);
            }

            buffer = buffer[markerLength..];
        }

        if (_unflushed >= FlushThreshold)
        {
            _unflushed = 0;
            await inner.FlushAsync(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writers flush after each piece (the output cache, Razor's writer); the bytes stay in the pipe until
    /// <see cref="CompleteAsync"/> or the threshold, which the server sends in as few packets as it can.
    /// </summary>
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        request.Start();
        return Task.CompletedTask;
    }

    public override void Flush() => request.Start();

    /// <summary>Writes what was held back (the body ended inside something that looked like a marker) and flushes.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_heldLength > 0)
        {
            Put(_held.AsSpan(0, _heldLength));
            ReleaseHeld();
        }

        if (_unflushed > 0)
        {
            _unflushed = 0;
            await inner.FlushAsync(cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        ReleaseHeld();
        base.Dispose(disposing);
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            inner.Write(bytes);
            _unflushed += bytes.Length;
        }
    }

    /// <summary>How many bytes at the end could be the beginning of a marker.</summary>
    private static int PartialMarkerLength(ReadOnlySpan<byte> data)
    {
        var start = LiveNumbers.MarkerStart;
        for (var length = Math.Min(start.Length - 1, data.Length); length > 0; length--)
        {
            if (data[^length..].SequenceEqual(start[..length]))
            {
                return length;
            }
        }

        return 0;
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _held = ArrayPool<byte>.Shared.Rent(LiveNumbers.MaxMarkerLength);
        bytes.CopyTo(_held);
        _heldLength = bytes.Length;
    }

    private void ReleaseHeld()
    {
        if (_held is not null)
        {
            ArrayPool<byte>.Shared.Return(_held);
            _held = null;
        }

        _heldLength = 0;
    }
}

/// <summary>What <see cref="LiveNumbersStream"/> needs from the request: a hook before the first byte, and the numbers.</summary>
internal interface ILiveNumbersSource
{
    void Start();

    /// <summary>The bytes to write in place of a marker: a bulletin's views (by id), or the visit counter (null).</summary>
    ValueTask<byte[]> ResolveAsync(int? articleId, CancellationToken cancellationToken);
}
