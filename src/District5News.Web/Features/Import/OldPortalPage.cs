using System.Diagnostics.CodeAnalysis;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Import;

/// <summary>
/// One bulletin read from a page saved as text from the old district portal. The text is kept exactly as the
/// old portal printed it, typing mistakes included, because it is the public record; only whitespace runs and
/// the Unicode form (NFC) are normalized.
/// </summary>
/// <param name="CategoryName">The old portal's category, e.g. "Bản tin quận" or "Văn hóa - Xã hội".</param>
/// <param name="PublishedAtVietnam">The wall-clock time the old portal printed: Vietnam local time, Kind Unspecified.</param>
/// <param name="Title">The bulletin's title.</param>
/// <param name="Lead">The first paragraph after the title.</param>
/// <param name="BodyParagraphs">The paragraphs after the lead; empty when the bulletin has a single paragraph.</param>
/// <param name="ViewCount">"Số lượt người xem" of this bulletin; null when the saved page lost that line.</param>
/// <param name="VisitCounter">
/// The whole site's visit counter at the moment the page was saved; null when the page has no counter block.
/// </param>
public sealed record OldPortalPage(
    string CategoryName,
    DateTime PublishedAtVietnam,
    string Title,
    string Lead,
    IReadOnlyList<string> BodyParagraphs,
    long? ViewCount,
    long? VisitCounter)
{
    public DateTime PublishedAtUtc => VietnamTime.ToUtc(PublishedAtVietnam);
}

/// <summary>Why a saved page could not be read.</summary>
/// <param name="Line">1-based line of the file the reason is about; 0 when it is about the whole file.</param>
/// <param name="Reason">In Vietnamese: the import report is read by the district's editors.</param>
public sealed record OldPortalParseFailure(int Line, string Reason);

/// <summary>Either a page or the reason there is none.</summary>
public sealed record OldPortalParseResult(OldPortalPage? Page, OldPortalParseFailure? Failure)
{
    [MemberNotNullWhen(true, nameof(Page))]
    public bool Success => Page is not null;

    public static OldPortalParseResult Ok(OldPortalPage page) => new(page, null);

    public static OldPortalParseResult Fail(int line, string reason) => new(null, new OldPortalParseFailure(line, reason));
}
