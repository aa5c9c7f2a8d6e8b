using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Import;

/// <summary>
/// Reads one bulletin page saved as text ("Save as… text") from the old district portal. Pure: no database,
/// no ASP.NET, so the import can be tested on sample files and the failures shown to an editor line by line.
/// </summary>
public static partial class OldPortalPageParser
{
    public const string EmptyFileReason = "Tệp rỗng";
    public const string NotTextReason = "Không phải tệp văn bản UTF-8";
    public const string NoTimeLineReason = "Không tìm thấy dòng chuyên mục và thời gian đăng";
    public const string NoCategoryReason = "Thiếu tên chuyên mục trước thời gian đăng";
    public const string NoTitleReason = "Không tìm thấy tiêu đề";
    public const string NoBodyReason = "Không có nội dung bản tin";

    // Compared in folded form (VietnameseText.SearchForm) so case, tone marks, extra spaces and stray
    // punctuation ("Xem tiếp >>") on the saved page do not matter.
    private static readonly string[] _furniturePhrases =
    [
        "so luot truy cap", "tin moi hon", "tin da dua", "xem tiep", "xem theo ngay", "tim kiem",
    ];

    private const string ViewCountLabel = "so luot nguoi xem";

    // Strict on purpose: the default decoder silently turns a binary file into U+FFFD soup that might even parse.
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static OldPortalParseResult Parse(byte[] content)
    {
        if (content.Length == 0)
        {
            return OldPortalParseResult.Fail(0, EmptyFileReason);
        }

        string text;
        try
        {
            text = _strictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return OldPortalParseResult.Fail(0, NotTextReason);
        }

        return Parse(text);
    }

    public static OldPortalParseResult Parse(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        // NUL is valid UTF-8 but never occurs in a saved web page; it means a binary file (UTF-16, image, archive).
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return OldPortalParseResult.Fail(0, NotTextReason);
        }

        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Select(NormalizeLine).ToList();
        if (lines.TrueForAll(l => l.Length == 0))
        {
            return OldPortalParseResult.Fail(0, EmptyFileReason);
        }

        var timeIndex = lines.FindIndex(l => TimeLinePattern().IsMatch(l));
        if (timeIndex < 0)
        {
            return OldPortalParseResult.Fail(0, NoTimeLineReason);
        }

        var timeMatch = TimeLinePattern().Match(lines[timeIndex]);
        if (!timeMatch.Groups["category"].Success)
        {
            return OldPortalParseResult.Fail(timeIndex + 1, NoCategoryReason);
        }

        if (!TryReadPublishedAt(timeMatch, out var publishedAt, out var timeProblem))
        {
            return OldPortalParseResult.Fail(timeIndex + 1, timeProblem);
        }

        var titleIndex = NextNonEmpty(lines, timeIndex + 1);
        if (titleIndex < 0 || EndsBulletin(lines[titleIndex]))
        {
            return OldPortalParseResult.Fail(timeIndex + 1, NoTitleReason);
        }

        var paragraphs = new List<string>();
        var footerIndex = titleIndex + 1;
        for (; footerIndex < lines.Count; footerIndex++)
        {
            if (lines[footerIndex].Length == 0)
            {
                continue;
            }

            if (EndsBulletin(lines[footerIndex]))
            {
                break;
            }

            paragraphs.Add(lines[footerIndex]);
        }

        if (paragraphs.Count == 0)
        {
            return OldPortalParseResult.Fail(titleIndex + 1, NoBodyReason);
        }

        long? viewCount = null;
        for (var i = footerIndex; i < lines.Count && (lines[i].Length == 0 || EndsBulletin(lines[i])); i++)
        {
            // Only the footer right under the body: further down, a saved page may list other bulletins.
            if (TryGetViewCountText(lines[i], out var countText))
            {
                if (!TryReadViewCount(countText, out viewCount, out var countProblem))
                {
                    return OldPortalParseResult.Fail(i + 1, countProblem);
                }

                break;
            }
        }

        return OldPortalParseResult.Ok(new OldPortalPage(
            timeMatch.Groups["category"].Value,
            publishedAt,
            lines[titleIndex],
            paragraphs[0],
            paragraphs.Skip(1).ToList(),
            viewCount,
            ReadVisitCounter(lines, timeIndex)));
    }

    /// <summary>NFC, every run of whitespace (tabs, U+00A0 and the other Unicode spaces) as one space, trimmed.</summary>
    private static string NormalizeLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in VietnameseText.Normalize(line))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int NextNonEmpty(List<string> lines, int start)
    {
        for (var i = start; i < lines.Count; i++)
        {
            if (lines[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryReadPublishedAt(Match match, out DateTime publishedAt, out string problem)
    {
        publishedAt = default;
        var dayText = match.Groups["day"].Value;
        var monthText = match.Groups["month"].Value;
        var yearText = match.Groups["year"].Value;

        var month = ReadMonth(monthText);
        if (month is null)
        {
            problem = $"Tên tháng không hợp lệ: {monthText}";
            return false;
        }

        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month.Value))
        {
            problem = $"Ngày không tồn tại: {dayText} {monthText} {yearText}";
            return false;
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour is < 1 or > 12 || minute > 59 || second > 59)
        {
            var clock = match.Value[match.Groups["hour"].Index..];
            problem = $"Giờ không hợp lệ: {clock}";
            return false;
        }

        // 12-hour clock: "12:05:00 SA" is five past midnight, "12:00:00 CH" is noon.
        var afternoon = string.Equals(match.Groups["ampm"].Value, "CH", StringComparison.OrdinalIgnoreCase);
        var hour24 = (hour % 12) + (afternoon ? 12 : 0);
        publishedAt = new DateTime(year, month.Value, day, hour24, minute, second, DateTimeKind.Unspecified);
        problem = string.Empty;
        return true;
    }

    private static int? ReadMonth(string monthText)
    {
        var digits = monthText["Tháng".Length..].Trim();
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            var number = int.Parse(digits, CultureInfo.InvariantCulture);
            return number is >= 1 and <= 12 ? number : null;
        }

        // ParseMonthName folds tone marks away, so "Tháng Mươi" would pass as October; the old portal always
        // printed the exact names, so anything else is a damaged line rather than a spelling to guess at.
        var month = VietnameseFormat.ParseMonthName(monthText);
        return month is not null
               && string.Equals(VietnameseFormat.MonthName(month.Value), monthText, StringComparison.OrdinalIgnoreCase)
            ? month
            : null;
    }

    /// <summary>The counter block is the run of digit lines just above the time line ("SỐ LƯỢT TRUY CẬP" may be lost).</summary>
    private static long? ReadVisitCounter(List<string> lines, int timeIndex)
    {
        var digits = string.Empty;
        for (var i = timeIndex - 1; i >= 0; i--)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (!CounterDigitsPattern().IsMatch(lines[i]))
            {
                break;
            }

            digits = lines[i].Replace(" ", string.Empty, StringComparison.Ordinal) + digits;
        }

        return digits.Length > 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var counter)
            ? counter
            : null;
    }

    private static bool EndsBulletin(string line) => IsFurniture(line) || TryGetViewCountText(line, out _);

    private static bool IsFurniture(string line)
    {
        // Saved pages glue repeated furniture onto one line ("Xem theo ngày Xem theo ngày"), so consume phrases
        // until nothing is left.
        var rest = VietnameseText.SearchForm(line);
        if (rest.Length == 0)
        {
            return false;
        }

        while (rest.Length > 0)
        {
            var phrase = Array.Find(_furniturePhrases, p =>
                rest.StartsWith(p, StringComparison.Ordinal) && (rest.Length == p.Length || rest[p.Length] == ' '));
            if (phrase is null)
            {
                return false;
            }

            rest = rest[phrase.Length..].TrimStart();
        }

        return true;
    }

    /// <summary>
    /// Recognizes "Số lượt người xem: 431" (colon optional) and returns what follows the label. A sentence that merely
    /// starts with those words is not the view-count line: without a colon only one word may follow.
    /// </summary>
    private static bool TryGetViewCountText(string line, out string countText)
    {
        countText = string.Empty;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (VietnameseText.SearchForm(line[..colon]) != ViewCountLabel)
            {
                return false;
            }

            countText = line[(colon + 1)..].Trim();
            return true;
        }

        var words = line.Split(' ');
        if (words.Length is < 4 or > 5 || VietnameseText.SearchForm(string.Join(' ', words[..4])) != ViewCountLabel)
        {
            return false;
        }

        countText = words.Length == 5 ? words[4] : string.Empty;
        return true;
    }

    private static bool TryReadViewCount(string countText, out long? viewCount, out string problem)
    {
        viewCount = null;
        problem = string.Empty;
        if (countText.Length == 0)
        {
            // The label survived but the number did not: treat it like a lost line, not a broken page.
            return true;
        }

        if (!ViewCountPattern().IsMatch(countText))
        {
            problem = $"Số lượt người xem không phải là số: {countText}";
            return false;
        }

        if (!long.TryParse(countText.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None,
                CultureInfo.InvariantCulture, out var count))
        {
            problem = $"Số lượt người xem quá lớn: {countText}";
            return false;
        }

        viewCount = count;
        return true;
    }

    // The category is optional in the pattern only so that a date line without one is reported as such instead
    // of as "no time line". [0-9] rather than \d: \d also matches other scripts' digits, which int.Parse rejects.
    [GeneratedRegex(
        @"^(?:(?<category>.+?) )?(?<day>[0-9]{1,2}) (?<month>Tháng(?: [\p{L}\p{M}]+)+|Tháng [0-9]{1,2}) (?<year>[0-9]{4}) " +
        @"(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2}))? (?<ampm>SA|CH)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeLinePattern();

    [GeneratedRegex("^[0-9]+(?: [0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CounterDigitsPattern();

    [GeneratedRegex(@"^(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ViewCountPattern();
}
