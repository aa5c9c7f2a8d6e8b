using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;

namespace District5News.Web.Features.Notices;

/// <summary>The levels as the form sends them and as residents read them.</summary>
public static class NoticeLevels
{
    public static readonly IReadOnlyList<NoticeLevel> All = [NoticeLevel.Info, NoticeLevel.Warning, NoticeLevel.Emergency];

    /// <summary>The form value: "thong-tin", "canh-bao", "khan-cap".</summary>
    public static string Key(NoticeLevel level) => level switch
    {
        NoticeLevel.Warning => "canh-bao",
        NoticeLevel.Emergency => "khan-cap",
        _ => "thong-tin",
    };

    public static NoticeLevel? Parse(string? key) => All.Cast<NoticeLevel?>().FirstOrDefault(l => Key(l!.Value) == key?.Trim());

    public static string Label(NoticeLevel level) => level switch
    {
        NoticeLevel.Warning => "Cảnh báo",
        NoticeLevel.Emergency => "Khẩn cấp",
        _ => "Thông tin",
    };

    /// <summary>
    /// How a screen reader is told: an emergency interrupts ("alert", assertive: a flood tide or a dengue outbreak
    /// calls for action now); information and warnings wait for the reader to pause ("status", polite), so a
    /// routine water cut does not cut into what the resident is listening to.
    /// </summary>
    public static string Role(NoticeLevel level) => level == NoticeLevel.Emergency ? "alert" : "status";
}

/// <summary>The notice form as typed: the level's key, the text, the link, and the start and end as day + time.</summary>
public sealed class NoticeInput
{
    public string? Level { get; set; }

    public string? Text { get; set; }

    public string? Link { get; set; }

    public string? StartDate { get; set; }

    public string? StartTime { get; set; }

    public string? EndDate { get; set; }

    public string? EndTime { get; set; }

    /// <summary>The version the form was opened on (editing only).</summary>
    public int? Version { get; set; }
}

/// <summary>The form's fields, for error messages beside them.</summary>
public static class NoticeFields
{
    public const string Level = nameof(NoticeInput.Level);
    public const string Text = nameof(NoticeInput.Text);
    public const string Link = nameof(NoticeInput.Link);
    public const string Start = "Start";
    public const string End = "End";
}

public sealed record NoticeFormViewModel(int? Id, NoticeInput Input, string? State)
{
    public bool IsNew => Id is null;
}

public sealed record NoticeAdminRow(int Id, NoticeLevel Level, string Text, string? LinkUrl, DateTime StartsAtUtc, DateTime EndsAtUtc)
{
    public string State(DateTime nowUtc) => nowUtc < StartsAtUtc ? "Sắp hiện" : nowUtc < EndsAtUtc ? "Đang hiện" : "Đã kết thúc";

    public bool HasEnded(DateTime nowUtc) => nowUtc >= EndsAtUtc;
}

public sealed record NoticeListViewModel(IReadOnlyList<NoticeAdminRow> Notices, DateTime NowUtc);

/// <summary>What became of a change: done (with the message for the next page) or refused (the errors by field, and the status).</summary>
public sealed record NoticeChangeResult(bool Succeeded, string Message, int Status, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static NoticeChangeResult Done(string message) => new(true, message, StatusCodes.Status200OK, []);

    public static NoticeChangeResult Invalid(IReadOnlyList<(string Field, string Message)> errors) =>
        new(false, "Thông báo chưa được lưu: vui lòng sửa các ô được đánh dấu.", StatusCodes.Status400BadRequest, errors);

    public static NoticeChangeResult Conflict() => new(false,
        "Thông báo này vừa được người khác sửa sau khi bạn mở trang. Thay đổi của bạn chưa được lưu: hãy xem lại nội dung hiện tại bên dưới rồi sửa lại.",
        StatusCodes.Status409Conflict, []);

    public static NoticeChangeResult NotFound() => new(false, "Không tìm thấy thông báo này.", StatusCodes.Status404NotFound, []);
}

/// <summary>A notice as residents see it. <see cref="Key"/> names this notice in this version (what "close" remembers).</summary>
public sealed record ShownNotice(int Id, int Version, NoticeLevel Level, string Text, string? LinkUrl, DateTime StartsAtUtc, DateTime EndsAtUtc)
{
    public string Key => $"{Id}-{Version}";

    public string LevelKey => NoticeLevels.Key(Level);

    public string Label => NoticeLevels.Label(Level);

    public string Role => NoticeLevels.Role(Level);
}

public static class NoticeUrls
{
    public const string List = AdminRoutes.Notices;

    public const string Create = AdminRoutes.NoticeCreate;

    public static string Edit(int id) => RouteLink.Fill(AdminRoutes.NoticeEdit, ("id", id));

    public static string End(int id) => RouteLink.Fill(AdminRoutes.NoticeEnd, ("id", id));
}

/// <summary>Vietnam time the way the notice form and list write it: 25/11/2026 and 08:15.</summary>
public static class NoticeTime
{
    public static (string Date, string Time) Fields(DateTime utc)
    {
        var local = VietnamTime.ToVietnam(utc);
        return (PublishTimeField.DateText(local), PublishTimeField.TimeText(local));
    }

    public static string Text(DateTime utc)
    {
        var (date, time) = Fields(utc);
        return $"{time} {date}";
    }
}
