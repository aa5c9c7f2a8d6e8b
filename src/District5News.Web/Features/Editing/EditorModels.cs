using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Paging;
using District5News.Web.Routing;

namespace District5News.Web.Features.Editing;

/// <summary>The values of the action buttons on the bulletin form.</summary>
public static class SaveIntents
{
    public const string Draft = "draft";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
}

/// <summary>What the bulletin form posts. The body is HTML from the editor (or plain text without JavaScript); it is sanitized on save.</summary>
public sealed class ArticleEditInput
{
    /// <summary>The version the form was loaded from; a save on top of a newer version is a conflict.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [VietnameseStringLength(ArticleLimits.TitleLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn chuyên mục.")]
    public int? CategoryId { get; set; }

    /// <summary>The publishing unit; the server checks the user may publish for it (a select limited to their units is only a convenience).</summary>
    [Required(ErrorMessage = "Vui lòng chọn đơn vị đăng tin.")]
    public int? UnitId { get; set; }

    [VietnameseStringLength(ArticleLimits.LeadLength, ErrorMessage = "Phần tóm tắt dài tối đa {1} ký tự.")]
    public string? Lead { get; set; }

    public string? Body { get; set; }

    /// <summary>The older single field, Vietnam time as yyyy-MM-ddTHH:mm; still read when sent (old forms). The form sends <see cref="PublishDate"/> and <see cref="PublishTime"/>.</summary>
    public string? PublishAt { get; set; }

    /// <summary>The day of publication, dd/mm/yyyy (Vietnam time); with <see cref="PublishTime"/> empty too it means "now" (<see cref="PublishTimeField"/>).</summary>
    public string? PublishDate { get; set; }

    /// <summary>The time of publication, HH:mm on a 24-hour clock (Vietnam time).</summary>
    public string? PublishTime { get; set; }

    public IFormFile? Cover { get; set; }

    public bool RemoveCover { get; set; }

    /// <summary>Files to attach (PDF, Word, Excel), checked by content on save (Features/Attachments).</summary>
    public List<IFormFile> Attachments { get; set; } = [];

    /// <summary>Ids of attachments ticked "Gỡ tệp này khi lưu".</summary>
    public List<int> RemoveAttachments { get; set; } = [];

    /// <summary>Sign the bulletin "Ban biên tập" on public pages instead of the author's display name.</summary>
    public bool ByNewsroom { get; set; }

    /// <summary>One of <see cref="SaveIntents"/>, from the button pressed.</summary>
    public string? Intent { get; set; }
}

/// <summary>The signed-in staff member a change is made by.</summary>
public sealed record StaffMember(string? Id, string Name)
{
    public static StaffMember From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "không rõ");
}

public sealed record CategoryOption(int Id, string Name);

/// <summary>A publishing unit the signed-in staff member may choose; <paramref name="IsCurrent"/> false for the archive and old wards.</summary>
public sealed record UnitOption(int Id, string Name, bool IsCurrent);

/// <summary>The state a bulletin shows in the back office: the stored states plus "scheduled".</summary>
public enum EditorState
{
    Draft,
    Published,
    Scheduled,
    Unpublished,
}

public static class EditorStates
{
    public static EditorState Of(ArticleStatus status, DateTime? publishedAtUtc, DateTime nowUtc) => status switch
    {
        ArticleStatus.Draft => EditorState.Draft,
        ArticleStatus.Unpublished => EditorState.Unpublished,
        _ => publishedAtUtc > nowUtc ? EditorState.Scheduled : EditorState.Published,
    };

    public static string Label(EditorState state) => state switch
    {
        EditorState.Draft => "Bản nháp",
        EditorState.Published => "Đã đăng",
        EditorState.Scheduled => "Hẹn giờ đăng",
        _ => "Đã gỡ",
    };

    public static string CssClass(EditorState state) => "status status-" + state.ToString().ToLowerInvariant();

    /// <summary>The filter value in the list's query string.</summary>
    public static string Key(EditorState state) => state.ToString().ToLowerInvariant();

    public static EditorState? Parse(string? key) =>
        Enum.GetValues<EditorState>().Cast<EditorState?>().FirstOrDefault(s => Key(s!.Value) == key);
}

/// <summary>The saved state of a bulletin shown next to its form.</summary>
public sealed record ArticleFormState(
    EditorState State,
    DateTime? PublishedAtUtc,
    string? PublicUrl,
    string? CoverImagePath,
    DateTime CreatedAtUtc,
    string? AuthorName,
    DateTime UpdatedAtUtc,
    string? UpdatedBy,
    int RevisionCount);

/// <summary>What someone else saved while this user was editing: shown beside the user's own unsaved text.</summary>
public sealed record ConflictViewModel(
    string SavedBy,
    DateTime SavedAtUtc,
    bool InTrash,
    string Title,
    string CategoryName,
    string Lead,
    string BodyHtml,
    EditorState State,
    bool CoverWasDropped);

public sealed class ArticleFormViewModel
{
    public int? Id { get; init; }

    public required ArticleEditInput Input { get; init; }

    /// <summary>The stored version the next save builds on (after a conflict: the other person's version).</summary>
    public Guid? Version { get; init; }

    public required IReadOnlyList<CategoryOption> Categories { get; init; }

    /// <summary>The units the user may publish for (an editor's own; every unit for an administrator).</summary>
    public IReadOnlyList<UnitOption> Units { get; init; } = [];

    public ArticleFormState? Saved { get; init; }

    /// <summary>The display name the public byline uses when "Ban biên tập" is not chosen (the author's, or the current user's for a new bulletin).</summary>
    public string? AuthorDisplayName { get; init; }

    public ConflictViewModel? Conflict { get; init; }

    /// <summary>Set when the last save was refused by the database or the disk (503): nothing was saved, the form holds what was typed.</summary>
    public NotSavedViewModel? NotSaved { get; set; }

    /// <summary>Set when the form was filled from the staff member's autosaved draft (saved at this time) instead of the stored bulletin.</summary>
    public DateTime? RestoredDraftAtUtc { get; set; }

    public bool IsNew => Id is null;

    public string PostUrl => Id is { } id ? EditorUrls.Edit(id) : EditorUrls.Create;

    public string PreviewUrl => Id is { } id ? EditorUrls.EditPreview(id) : EditorUrls.Preview;
}

public sealed class ArticleListFilter
{
    public string? Status { get; set; }

    public int? Category { get; set; }

    public string? Author { get; set; }

    public int? Unit { get; set; }

    public string? Q { get; set; }

    public int? Page { get; set; }
}

public sealed record ArticleAdminRow(
    int Id,
    string Title,
    string Slug,
    string CategoryName,
    string? AuthorName,
    EditorState State,
    DateTime? PublishedAtUtc,
    DateTime UpdatedAtUtc,
    string? UpdatedBy,
    string UnitName = "");

public sealed record AuthorOption(string Id, string Name);

public sealed record ArticleAdminListViewModel(
    PagedList<ArticleAdminRow> Articles,
    ArticleListFilter Filter,
    IReadOnlyList<CategoryOption> Categories,
    IReadOnlyList<AuthorOption> Authors,
    int InTrash)
{
    /// <summary>The units the list can be filtered by: those the user may act for.</summary>
    public IReadOnlyList<UnitOption> Units { get; init; } = [];

    /// <summary>An editor with no unit: the list is empty and says why.</summary>
    public bool HasNoUnit { get; init; }

    public string PageUrl(int page) => EditorUrls.List(Filter, page);
}

public sealed record RevisionRow(int Id, string Title, DateTime SavedAtUtc, string? SavedBy, EditorState State, string? Note);

public sealed record ArticleHistoryViewModel(
    int ArticleId,
    string Title,
    DateTime UpdatedAtUtc,
    string? UpdatedBy,
    EditorState State,
    IReadOnlyList<RevisionRow> Revisions);

public sealed record RevisionViewModel(
    int ArticleId,
    string CurrentTitle,
    int RevisionId,
    string Title,
    string CategoryName,
    string Lead,
    string BodyHtml,
    string? CoverImagePath,
    EditorState State,
    DateTime? PublishedAtUtc,
    DateTime SavedAtUtc,
    string? SavedBy);

public sealed record TrashRow(int Id, string Title, string CategoryName, DateTime DeletedAtUtc, string? AuthorName, EditorState State, string UnitName = "");

/// <param name="CanPurge">Administrators delete for good; every staff member may restore.</param>
/// <param name="NewestDeletedAtUtc">The newest deletion shown: emptying the trash from this page stops there.</param>
public sealed record TrashViewModel(PagedList<TrashRow> Articles, bool CanPurge, DateTime? NewestDeletedAtUtc)
{
    /// <summary>An editor with no unit: the trash shows nothing of anyone's and says why.</summary>
    public bool HasNoUnit { get; init; }
}

/// <summary>The bulletin just moved to the trash, kept for the next page's "Hoàn tác" button.</summary>
public static class UndoTrash
{
    public const string Key = "UndoTrashId";
}

public static class EditorUrls
{
    public const string ListPath = AdminRoutes.Articles;

    public const string Create = AdminRoutes.ArticleCreate;

    public const string Trash = AdminRoutes.Trash;

    /// <summary>POST the bulletin form here to see it as residents will; nothing is saved.</summary>
    public const string Preview = AdminRoutes.ArticlePreview;

    public static string Edit(int id) => RouteLink.Fill(AdminRoutes.ArticleEdit, ("id", id));

    /// <summary>The preview address of a saved bulletin's form (its saved cover is shown unless removed).</summary>
    public static string EditPreview(int id) => RouteLink.Fill(AdminRoutes.ArticleEditPreview, ("id", id));

    /// <summary>GET: the confirmation page; POST: move to the trash.</summary>
    public static string Delete(int id) => RouteLink.Fill(AdminRoutes.ArticleDelete, ("id", id));

    public static string History(int id) => RouteLink.Fill(AdminRoutes.ArticleHistory, ("id", id));

    public static string Revision(int id, int revisionId) => RouteLink.Fill(AdminRoutes.ArticleRevision, ("id", id), ("revisionId", revisionId));

    public static string RestoreRevision(int id, int revisionId) =>
        RouteLink.Fill(AdminRoutes.ArticleRevisionRestore, ("id", id), ("revisionId", revisionId));

    public static string RestoreFromTrash(int id) => RouteLink.Fill(AdminRoutes.TrashRestore, ("id", id));

    /// <summary>GET: the confirmation page; POST: delete for good.</summary>
    public static string Purge(int id) => RouteLink.Fill(AdminRoutes.TrashPurge, ("id", id));

    /// <summary>GET: the confirmation page; POST: empty the trash.</summary>
    public const string EmptyTrash = AdminRoutes.TrashEmpty;

    public static string TrashPage(int page) => page <= 1 ? Trash : $"{Trash}?page={page}";

    public static string List(ArticleListFilter filter, int page = 1)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter.Status))
        {
            query.Add("status=" + Uri.EscapeDataString(filter.Status));
        }

        if (filter.Category is { } category)
        {
            query.Add("category=" + category);
        }

        if (!string.IsNullOrEmpty(filter.Author))
        {
            query.Add("author=" + Uri.EscapeDataString(filter.Author));
        }

        if (filter.Unit is { } unit)
        {
            query.Add("unit=" + unit);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query.Add("q=" + Uri.EscapeDataString(filter.Q));
        }

        if (page > 1)
        {
            query.Add("page=" + page);
        }

        return query.Count == 0 ? ListPath : ListPath + "?" + string.Join('&', query);
    }
}

/// <summary>Why the form came back unsaved after a storage failure, and whether a chosen cover must be chosen again.</summary>
public sealed record NotSavedViewModel(bool CoverWasDropped);
