using System.Globalization;
using System.Net.Mail;
using System.Text;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Agency;

/// <summary>
/// Cleans and checks the plain-text fields of the settings, profile and link forms, collecting every problem at
/// once. Text is stored as typed (NFC, no control characters, trimmed) and always printed encoded, so it is never
/// markup; single-line fields lose their line breaks.
/// </summary>
public sealed class FieldCheck
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public string Required(string field, string label, string? value, int max)
    {
        var text = Line(value);
        if (text.Length == 0)
        {
            Add(field, $"Vui lòng nhập {label}.");
        }
        else
        {
            Limit(field, label, text, max);
        }

        return text;
    }

    public string? Optional(string field, string label, string? value, int max, bool multiline = false)
    {
        var text = multiline ? Block(value) : Line(value);
        if (text.Length == 0)
        {
            return null;
        }

        Limit(field, label, text, max);
        return text;
    }

    /// <summary>A telephone number as people write it: digits, spaces and + ( ) . -, at least three digits.</summary>
    public string? Phone(string field, string label, string? value)
    {
        var text = Optional(field, label, value, Data.Entities.AgencyLimits.Phone);
        if (text is not null && (text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '.' or '-'))
            || text.Count(char.IsAsciiDigit) < 3))
        {
            Add(field, $"{Capitalize(label)} chỉ gồm chữ số, dấu cách và các dấu + ( ) . - (ví dụ 028 3855 0000).");
        }

        return text;
    }

    public string? Email(string field, string label, string? value)
    {
        var text = Optional(field, label, value, Data.Entities.AgencyLimits.Email);
        if (text is not null && (text.Contains(' ', StringComparison.Ordinal) || !MailAddress.TryCreate(text, out var address)
            || address.Address != text || !address.Host.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, $"{Capitalize(label)} không hợp lệ (ví dụ ubnd@phuong.gov.vn).");
        }

        return text;
    }

    /// <summary>An absolute http or https address: nothing a browser would run (javascript:, data:) and no user name in it.</summary>
    public string Url(string field, string? value)
    {
        var text = Required(field, "địa chỉ liên kết", value, Data.Entities.AgencyLimits.Url);
        if (text.Length > 0
            && !(Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)))
        {
            Add(field, "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ https://dichvucong.gov.vn).");
        }

        return text;
    }

    private void Limit(string field, string label, string text, int max)
    {
        if (text.Length > max)
        {
            Add(field, $"{Capitalize(label)} dài tối đa {VietnameseFormat.Number(max)} ký tự (đang có {VietnameseFormat.Number(text.Length)}).");
        }
    }

    private static string Capitalize(string label) =>
        label.Length == 0 ? label : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];

    /// <summary>One line: NFC, every run of white space (line breaks too) one space, control characters dropped.</summary>
    public static string Line(string? value)
    {
        var text = VietnameseText.Normalize(value ?? string.Empty);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Several lines: each line cleaned as <see cref="Line"/>, at most one empty line between paragraphs.</summary>
    public static string Block(string? value)
    {
        var lines = (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(Line);
        var builder = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank ? "\n\n" : "\n");
            }

            builder.Append(line);
            blank = false;
        }

        return builder.ToString();
    }
}

/// <summary>How the pages print plain text and contacts.</summary>
public static class PlainText
{
    /// <summary>Paragraphs (split on empty lines), each a list of lines: the view writes &lt;p&gt; and &lt;br&gt;, the text encoded.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => (IReadOnlyList<string>)p.Split('\n', StringSplitOptions.TrimEntries)).ToList();

    /// <summary>The tel: address of a number as written ("028 3855 0000" → "tel:02838550000").</summary>
    public static string Tel(string phone) => "tel:" + new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    public static string Mailto(string email) => "mailto:" + email;
}

/// <summary>One labelled form field with its error beside it, as the admin forms write it (Areas/Admin/Views/Shared/_AgencyField).</summary>
public sealed record AgencyField(string Name, string Label, string? Value, int MaxLength, string? Error)
{
    public string Type { get; init; } = "text";

    public bool Multiline { get; init; }

    public bool Required { get; init; }

    public string? Hint { get; init; }

    /// <summary>"en" for the English fields, so screen readers read them in English.</summary>
    public string? Lang { get; init; }

    public string? Autocomplete { get; init; }

    public string Id => Name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    public string TestName => Id;
}
