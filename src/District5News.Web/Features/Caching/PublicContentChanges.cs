namespace District5News.Web.Features.Caching;

/// <summary>What changed in what residents can see: which kind of content, which item (when one), and why.</summary>
/// <param name="ContentType">The kind of content, e.g. <see cref="ContentTypes.Article"/>.</param>
/// <param name="ContentId">The item that changed, or null when many did (an import, a schedule coming due).</param>
/// <param name="Reason">A short English word for logs: "saved", "trashed", "imported", "schedule-due" ...</param>
public sealed record ContentChange(string ContentType, string? ContentId, string Reason);

/// <summary>The kinds of public content a <see cref="ContentChange"/> names.</summary>
public static class ContentTypes
{
    public const string Article = "article";
    public const string Category = "category";

    /// <summary>A site-wide notice (Features/Notices): shown on every public page.</summary>
    public const string Notice = "notice";

    /// <summary>Site settings, unit profiles and procedure links (Features/Agency, Features/Procedures): header, footer, pages.</summary>
    public const string Settings = "settings";
    public const string UnitProfile = "unit-profile";
    public const string ProcedureLink = "procedure-link";
    public const string Unit = "unit";

    /// <summary>The documents library and published answers to residents' questions.</summary>
    public const string Document = "document";
    public const string Question = "question";
}

/// <summary>
/// Reacts to a change of the public content by dropping what it derived from the old content. Each feature that keeps
/// something derived (the page cache, the category menu, search answers, counting's stored totals) registers its own
/// handler next to its services; nothing that changes content needs to know who listens.
/// </summary>
public interface IPublicContentChangeHandler
{
    ValueTask OnPublicContentChangedAsync(ContentChange change);
}

/// <summary>
/// The one event "public content changed". Whatever changes what residents can see (the editor, the trash, the
/// importer, the schedule, any later content type) publishes it once, after its change is committed.
/// </summary>
public sealed class PublicContentChanges(
    PublicContentVersion version, IServiceProvider services, ILogger<PublicContentChanges> logger)
{
    /// <summary>
    /// Moves the content version, then lets every handler react. Handlers only drop in-memory state, so this does not
    /// take a cancellation token: a request aborted after its change was committed must still drop the old pages.
    /// Handlers are resolved when the event is published, so a handler may itself depend on services that publish.
    /// </summary>
    public async Task PublishAsync(ContentChange change)
    {
        await ApplyAsync(change);

        // Then the other instances (when there are several, docs/decisions/0009): each runs its own handlers.
        if (services.GetService<IContentChangeRelay>() is { } relay)
        {
            await relay.SendAsync(change);
        }

        logger.LogDebug("Public content changed: {ContentType} {ContentId} {Reason}", change.ContentType, change.ContentId, change.Reason);
    }

    /// <summary>A change another instance published: this instance drops what it derived, and tells no one else.</summary>
    public async Task ReceiveAsync(ContentChange change)
    {
        await ApplyAsync(change);
        logger.LogDebug("Public content changed on another instance: {ContentType} {ContentId} {Reason}", change.ContentType, change.ContentId, change.Reason);
    }

    private async Task ApplyAsync(ContentChange change)
    {
        // Before the handlers: a page rendered from the old content and finishing now sees the move and is not stored.
        version.Advance();
        foreach (var handler in services.GetServices<IPublicContentChangeHandler>())
        {
            await handler.OnPublicContentChangedAsync(change);
        }
    }
}

/// <summary>
/// Carries a content change to the other instances of the portal (Redis pub/sub when ConnectionStrings:Redis is set);
/// each calls <see cref="PublicContentChanges.ReceiveAsync"/>. Never throws: the change is committed already, and a
/// lost message is bounded by the page lifetime and by the resynchronisation after a reconnect.
/// </summary>
public interface IContentChangeRelay
{
    ValueTask SendAsync(ContentChange change);
}
