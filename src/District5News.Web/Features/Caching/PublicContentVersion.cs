namespace District5News.Web.Features.Caching;

/// <summary>
/// A number that moves each time the public content changes (<see cref="PublicContentChanges"/> moves it before any
/// handler runs). Whatever is computed from public content remembers the version it saw, and is not kept when the
/// version moved meanwhile: a page rendered from the old content and finishing during the change is not stored.
/// </summary>
public sealed class PublicContentVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    internal void Advance() => Interlocked.Increment(ref _current);
}
