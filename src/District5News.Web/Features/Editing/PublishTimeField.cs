using System.Globalization;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Editing;

/// <summary>
/// The publication time as the form sends it: a day (dd/mm/yyyy) and a time (HH:mm, 24-hour) in two text fields, so
/// "left empty on purpose" (both empty: publish now) is told apart from "half typed" (one empty or unreadable: an
/// error, nothing saved). A browser's datetime-local sends an empty string for both, so it is not used. The older
/// single value (<see cref="ArticleEditInput.PublishAt"/>, yyyy-MM-ddTHH:mm) is still read when it is sent.
/// </summary>
public static class PublishTimeField
{
    /// <summary>The HTML pattern of the day field (the server reads the same shapes).</summary>
    public const string DatePattern = @"\s*\d{1,2}/\d{1,2}/\d{4}\s*";

    /// <summary>The HTML pattern of the time field.</summary>
    public const string TimePattern = @"\s*\d{1,2}:\d{2}\s*";

    public const string InvalidMessage = "Thời điểm đăng không hợp lệ. Vui lòng nhập ngày theo dạng ngày/tháng/năm (ví dụ 23/11/2020) và giờ theo dạng giờ:phút, 24 giờ (ví dụ 08:15), giờ Việt Nam; hoặc để trống cả hai ô để đăng ngay.";

    public const string MissingTimeMessage = "Thời điểm đăng chưa đủ: bạn đã nhập ngày nhưng chưa nhập giờ (giờ:phút, ví dụ 08:15). Nhập giờ, hoặc xóa ngày để đăng ngay.";

    public const string MissingDateMessage = "Thời điểm đăng chưa đủ: bạn đã nhập giờ nhưng chưa nhập ngày (ngày/tháng/năm, ví dụ 23/11/2020). Nhập ngày, hoặc xóa giờ để đăng ngay.";

    private static readonly string[] LegacyFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];

    private static readonly string[] DateFormats = ["d/M/yyyy"];

    private static readonly string[] TimeFormats = ["H:mm"];

    /// <summary>The Vietnam local time typed (null: none, publish now), or the Vietnamese message saying what is wrong.</summary>
    public sealed record Result(DateTime? Local, string? Error);

    public static Result Parse(ArticleEditInput input)
    {
        if (!string.IsNullOrWhiteSpace(input.PublishAt))
        {
            return DateTime.TryParseExact(input.PublishAt.Trim(), LegacyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var legacy)
                && InRange(legacy)
                ? new(legacy, null)
                : new(null, InvalidMessage);
        }

        var typed = Read(input.PublishDate, input.PublishTime);
        return typed.Problem switch
        {
            TypedTimeProblem.None => new(typed.Local, null),
            TypedTimeProblem.MissingTime => new(null, MissingTimeMessage),
            TypedTimeProblem.MissingDate => new(null, MissingDateMessage),
            _ => new(null, InvalidMessage),
        };
    }

    /// <summary>What is wrong with a day and time typed in two fields, so each form can say it in its own words.</summary>
    public enum TypedTimeProblem
    {
        None,
        Invalid,
        MissingTime,
        MissingDate,
    }

    /// <summary>A Vietnam local time typed in two fields (null with no problem: both left empty).</summary>
    public sealed record TypedTime(DateTime? Local, TypedTimeProblem Problem);

    /// <summary>
    /// Reads a day (dd/mm/yyyy) and a time (HH:mm, 24-hour) typed in two fields, as Vietnam local time. The publication
    /// time and the notices' start and end use it; each turns the problem into its own message.
    /// </summary>
    public static TypedTime Read(string? dateText, string? timeText)
    {
        var date = dateText?.Trim() ?? string.Empty;
        var time = timeText?.Trim() ?? string.Empty;
        if (date.Length == 0 && time.Length == 0)
        {
            return new(null, TypedTimeProblem.None);
        }

        if (time.Length == 0)
        {
            return new(null, ParseDate(date) is null ? TypedTimeProblem.Invalid : TypedTimeProblem.MissingTime);
        }

        if (date.Length == 0)
        {
            return new(null, ParseTime(time) is null ? TypedTimeProblem.Invalid : TypedTimeProblem.MissingDate);
        }

        return ParseDate(date) is { } day && ParseTime(time) is { } clock && day.ToDateTime(clock) is var local && InRange(local)
            ? new(local, TypedTimeProblem.None)
            : new(null, TypedTimeProblem.Invalid);
    }

    /// <summary>The two fields to show for <paramref name="input"/>: as typed, or split from the older single value.</summary>
    public static (string Date, string Time) Fields(ArticleEditInput input)
    {
        if (string.IsNullOrWhiteSpace(input.PublishDate) && string.IsNullOrWhiteSpace(input.PublishTime)
            && !string.IsNullOrWhiteSpace(input.PublishAt)
            && DateTime.TryParseExact(input.PublishAt.Trim(), LegacyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var legacy))
        {
            return (DateText(legacy), TimeText(legacy));
        }

        return (input.PublishDate ?? string.Empty, input.PublishTime ?? string.Empty);
    }

    public static string DateText(DateTime local) => local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string TimeText(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What pressing "Đăng" will do, in words: "Sẽ đăng lúc 8:15 sáng 23/11/2020", "Đăng ngay", …</summary>
    public static string Sentence(ArticleEditInput input, DateTime nowUtc)
    {
        var parsed = Parse(input);
        if (parsed.Error is not null)
        {
            return "Chưa đăng được: thời điểm đăng chưa đủ hoặc không hợp lệ.";
        }

        if (parsed.Local is not { } local)
        {
            return "Đăng ngay";
        }

        return VietnamTime.ToUtc(local) > nowUtc
            ? "Sẽ đăng lúc " + Spoken(local)
            : "Đăng với thời điểm đã qua: " + Spoken(local);
    }

    /// <summary>"8:15 sáng 23/11/2020": a 12-hour clock with the part of the day, then the day.</summary>
    public static string Spoken(DateTime local)
    {
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var part = local.Hour switch
        {
            0 => "đêm",
            < 11 => "sáng",
            < 13 => "trưa",
            < 18 => "chiều",
            _ => "tối",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{hour}:{local.Minute:00} {part} {DateText(local)}");
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock) ? clock : null;

    private static bool InRange(DateTime local) => local.Year is >= 1975 and <= 2100;
}
