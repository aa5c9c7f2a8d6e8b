using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Notices;

/// <summary>
/// Site-wide notices in the back office: create, edit, end now. Every change is audited and announced with
/// <see cref="PublicContentChanges"/>; the page cache also ends every cached page at each notice's start and end
/// (<see cref="ScheduledPublications"/>), so a notice shows and goes to the second.
/// </summary>
public sealed class NoticeAdministration(NewsDbContext db, AuditLog audit, PublicContentChanges changes, TimeProvider clock)
{
    public const string LinkMessage = "Liên kết phải là một địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, ví dụ https://www.hochiminhcity.gov.vn/.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<NoticeListViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SiteNotices.AsNoTracking()
            .OrderByDescending(n => n.EndsAtUtc).ThenByDescending(n => n.Id)
            .Select(n => new NoticeAdminRow(n.Id, n.Level, n.Text, n.LinkUrl, n.StartsAtUtc, n.EndsAtUtc))
            .ToListAsync(cancellationToken);
        return new NoticeListViewModel(rows, Now);
    }

    /// <summary>A new notice's form: starting now, level "thông tin", the end left to the administrator.</summary>
    public NoticeFormViewModel NewForm()
    {
        var (date, time) = NoticeTime.Fields(Now);
        return new NoticeFormViewModel(null, new NoticeInput { Level = NoticeLevels.Key(NoticeLevel.Info), StartDate = date, StartTime = time }, null);
    }

    /// <summary>The edit form: as typed when <paramref name="typed"/> is given, else as stored.</summary>
    public async Task<NoticeFormViewModel?> GetEditFormAsync(int id, NoticeInput? typed, CancellationToken cancellationToken)
    {
        var notice = await db.SiteNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var row = new NoticeAdminRow(notice.Id, notice.Level, notice.Text, notice.LinkUrl, notice.StartsAtUtc, notice.EndsAtUtc);
        return new NoticeFormViewModel(id, typed ?? Stored(notice), row.State(Now));
    }

    public async Task<NoticeChangeResult> CreateAsync(NoticeInput input, CancellationToken cancellationToken)
    {
        var (errors, value) = Check(input);
        if (errors.Count > 0)
        {
            return NoticeChangeResult.Invalid(errors);
        }

        var now = Now;
        var notice = new SiteNotice
        {
            Level = value.Level, Text = value.Text, LinkUrl = value.Link, StartsAtUtc = value.StartsUtc, EndsAtUtc = value.EndsUtc,
            CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
        };
        db.SiteNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.NoticeCreated, AuditTargets.Notice, Id(notice.Id), Describe(notice), cancellationToken: cancellationToken);
        await PublishAsync(notice.Id, "created");
        return NoticeChangeResult.Done(notice.StartsAtUtc <= now
            ? $"Đã đăng thông báo. Thông báo đang hiện trên mọi trang đến {NoticeTime.Text(notice.EndsAtUtc)}."
            : $"Đã lưu thông báo. Thông báo sẽ hiện từ {NoticeTime.Text(notice.StartsAtUtc)} đến {NoticeTime.Text(notice.EndsAtUtc)}.");
    }

    public async Task<NoticeChangeResult> UpdateAsync(int id, NoticeInput input, CancellationToken cancellationToken)
    {
        var notice = await db.SiteNotices.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return NoticeChangeResult.NotFound();
        }

        if (input.Version != notice.Version)
        {
            return NoticeChangeResult.Conflict();
        }

        var (errors, value) = Check(input);
        if (errors.Count > 0)
        {
            return NoticeChangeResult.Invalid(errors);
        }

        var before = Describe(notice);
        notice.Level = value.Level;
        notice.Text = value.Text;
        notice.LinkUrl = value.Link;
        notice.StartsAtUtc = value.StartsUtc;
        notice.EndsAtUtc = value.EndsUtc;
        notice.UpdatedAtUtc = Now;
        notice.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NoticeChangeResult.Conflict();
        }

        await audit.WriteAsync(AuditActions.NoticeEdited, AuditTargets.Notice, Id(id), $"{before} → {Describe(notice)}", cancellationToken: cancellationToken);
        await PublishAsync(id, "edited");
        return NoticeChangeResult.Done($"Đã lưu thông báo. Thông báo hiện từ {NoticeTime.Text(notice.StartsAtUtc)} đến {NoticeTime.Text(notice.EndsAtUtc)}.");
    }

    /// <summary>Takes the notice down now (a notice not yet started never shows).</summary>
    public async Task<NoticeChangeResult> EndAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await db.SiteNotices.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return NoticeChangeResult.NotFound();
        }

        var now = Now;
        if (notice.EndsAtUtc <= now)
        {
            return NoticeChangeResult.Done("Thông báo này đã kết thúc từ trước.");
        }

        notice.EndsAtUtc = now;
        if (notice.StartsAtUtc > now)
        {
            notice.StartsAtUtc = now;
        }

        notice.UpdatedAtUtc = now;
        notice.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NoticeChangeResult.Conflict();
        }

        await audit.WriteAsync(AuditActions.NoticeEnded, AuditTargets.Notice, Id(id), Describe(notice), cancellationToken: cancellationToken);
        await PublishAsync(id, "ended");
        return NoticeChangeResult.Done("Đã kết thúc thông báo: thông báo không còn hiện trên trang.");
    }

    private sealed record CheckedNotice(NoticeLevel Level, string Text, string? Link, DateTime StartsUtc, DateTime EndsUtc);

    /// <summary>Every problem of the form at once, each beside its field, or the cleaned values.</summary>
    private (List<(string Field, string Message)> Errors, CheckedNotice Value) Check(NoticeInput input)
    {
        var errors = new List<(string, string)>();
        var level = NoticeLevels.Parse(input.Level);
        if (level is null)
        {
            errors.Add((NoticeFields.Level, "Vui lòng chọn mức độ: Thông tin, Cảnh báo hoặc Khẩn cấp."));
        }

        var text = VietnameseText.Normalize(input.Text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            errors.Add((NoticeFields.Text, "Vui lòng nhập nội dung thông báo."));
        }
        else if (text.Length > SiteNotice.TextLength)
        {
            errors.Add((NoticeFields.Text, string.Create(CultureInfo.InvariantCulture,
                $"Nội dung thông báo dài tối đa {SiteNotice.TextLength} ký tự (đang có {VietnameseFormat.Number(text.Length)}).")));
        }

        var link = input.Link?.Trim() ?? string.Empty;
        if (link.Length > SiteNotice.LinkLength)
        {
            errors.Add((NoticeFields.Link, "Liên kết dài tối đa 2.000 ký tự."));
        }
        else if (link.Length > 0 && !IsWebAddress(link))
        {
            errors.Add((NoticeFields.Link, LinkMessage));
        }

        var now = Now;
        var start = PublishTimeField.Read(input.StartDate, input.StartTime);
        var end = PublishTimeField.Read(input.EndDate, input.EndTime);
        if (TimeError("bắt đầu", start) is { } startError)
        {
            errors.Add((NoticeFields.Start, startError));
        }

        if (end is { Local: null, Problem: PublishTimeField.TypedTimeProblem.None })
        {
            errors.Add((NoticeFields.End, "Vui lòng nhập thời điểm kết thúc: ngày (ngày/tháng/năm) và giờ (giờ:phút)."));
        }
        else if (TimeError("kết thúc", end) is { } endError)
        {
            errors.Add((NoticeFields.End, endError));
        }

        // An empty start means "from now", to the minute the administrator pressed the button.
        var startsUtc = start.Local is { } startLocal ? VietnamTime.ToUtc(startLocal) : now;
        if (end.Local is { } endLocal && start.Problem == PublishTimeField.TypedTimeProblem.None)
        {
            var endsUtc = VietnamTime.ToUtc(endLocal);
            if (endsUtc <= startsUtc)
            {
                errors.Add((NoticeFields.End, $"Thời điểm kết thúc ({NoticeTime.Text(endsUtc)}) phải sau thời điểm bắt đầu ({NoticeTime.Text(startsUtc)})."));
            }
            else if (endsUtc <= now)
            {
                errors.Add((NoticeFields.End, $"Thời điểm kết thúc ({NoticeTime.Text(endsUtc)}) đã qua, nên thông báo sẽ không hiện. Chọn một thời điểm sau bây giờ ({NoticeTime.Text(now)})."));
            }
        }

        return errors.Count > 0 || level is null
            ? (errors, null!)
            : (errors, new CheckedNotice(level.Value, text, link.Length == 0 ? null : link, startsUtc, VietnamTime.ToUtc(end.Local!.Value)));
    }

    private static string? TimeError(string which, PublishTimeField.TypedTime typed) => typed.Problem switch
    {
        PublishTimeField.TypedTimeProblem.None => null,
        PublishTimeField.TypedTimeProblem.MissingTime => $"Thời điểm {which} chưa đủ: bạn đã nhập ngày nhưng chưa nhập giờ (giờ:phút, 24 giờ, ví dụ 17:30).",
        PublishTimeField.TypedTimeProblem.MissingDate => $"Thời điểm {which} chưa đủ: bạn đã nhập giờ nhưng chưa nhập ngày (ngày/tháng/năm, ví dụ 25/11/2026).",
        _ => $"Thời điểm {which} không hợp lệ. Nhập ngày theo dạng ngày/tháng/năm (ví dụ 25/11/2026) và giờ theo dạng giờ:phút, 24 giờ (ví dụ 17:30), giờ Việt Nam.",
    };

    /// <summary>Only an absolute http or https address with a host: no javascript:, data:, mailto: or relative path.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    private static NoticeInput Stored(SiteNotice notice)
    {
        var (startDate, startTime) = NoticeTime.Fields(notice.StartsAtUtc);
        var (endDate, endTime) = NoticeTime.Fields(notice.EndsAtUtc);
        return new NoticeInput
        {
            Level = NoticeLevels.Key(notice.Level), Text = notice.Text, Link = notice.LinkUrl,
            StartDate = startDate, StartTime = startTime, EndDate = endDate, EndTime = endTime, Version = notice.Version,
        };
    }

    private static string Describe(SiteNotice notice) =>
        $"[{NoticeLevels.Label(notice.Level)}] {notice.Text}{(notice.LinkUrl is null ? "" : " (" + notice.LinkUrl + ")")}, {NoticeTime.Text(notice.StartsAtUtc)} – {NoticeTime.Text(notice.EndsAtUtc)}";

    private Task PublishAsync(int id, string reason) => changes.PublishAsync(new ContentChange(ContentTypes.Notice, Id(id), reason));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
