using System.Globalization;
using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Agency;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Documents;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Search;
using District5News.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Questions;

/// <summary>
/// Residents' questions (/hoi-dap): the form (checked, honeypot), the published answers (paged, folded search), and the
/// back office where staff of the addressed ward answer and publish (<see cref="StaffUnitAccess"/>). The asker's contact
/// is read only by the back office.
/// </summary>
public sealed class ResidentQuestions(NewsDbContext db, StaffUnitAccess access, AuditLog audit, PublicContentChanges changes, TimeProvider clock, ILogger<ResidentQuestions> logger)
{
    public const int PageSize = 20;

    public async Task<QuestionFormViewModel> GetFormAsync(QuestionInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        var wards = await WardsAsync(cancellationToken);
        input ??= new QuestionInput();
        input.Website = null;
        return new QuestionFormViewModel(input, wards, errors ?? []);
    }

    public async Task<QuestionSubmitResult> SubmitAsync(QuestionInput input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(input.Website))
        {
            // A program filled the field people never see: answered as a success so it learns nothing, and not kept.
            logger.LogInformation("Question dropped: the honeypot field was filled");
            return new QuestionSubmitResult(QuestionSubmitOutcome.Dropped, []);
        }

        var check = new FieldCheck();
        var name = check.Required(nameof(input.Name), "họ và tên", input.Name, QuestionLimits.Name);
        var contact = FieldCheck.Line(input.Contact);
        if (contact.Length == 0)
        {
            check.Add(nameof(input.Contact), "Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử để cán bộ liên hệ khi cần.");
        }
        else if (contact.Contains('@', StringComparison.Ordinal))
        {
            check.Email(nameof(input.Contact), "địa chỉ thư điện tử", contact);
        }
        else
        {
            check.Phone(nameof(input.Contact), "số điện thoại", contact);
        }

        var slug = FieldCheck.Line(input.Unit);
        var wardId = slug.Length == 0
            ? null
            : await db.PublishingUnits.AsNoTracking().Where(u => u.Slug == slug && u.Kind == PublishingUnitKind.Ward && u.ActiveUntil == null)
                .Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (wardId is null)
        {
            check.Add(nameof(input.Unit), "Vui lòng chọn phường nhận câu hỏi.");
        }

        var title = check.Required(nameof(input.Title), "tiêu đề câu hỏi", input.Title, QuestionLimits.Title);
        var text = FieldCheck.Block(input.Text);
        if (text.Length == 0)
        {
            check.Add(nameof(input.Text), "Vui lòng nhập nội dung câu hỏi.");
        }
        else if (text.Length > QuestionLimits.Text)
        {
            check.Add(nameof(input.Text), $"Nội dung câu hỏi dài tối đa {Vietnamese.VietnameseFormat.Number(QuestionLimits.Text)} ký tự (đang có {Vietnamese.VietnameseFormat.Number(text.Length)}).");
        }

        if (!check.IsValid)
        {
            return new QuestionSubmitResult(QuestionSubmitOutcome.Invalid, check.Errors);
        }

        var question = new ResidentQuestion
        {
            UnitId = wardId!.Value, AskerName = name, Contact = contact, Title = title, Text = text, AskedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        question.RefreshSearch();
        db.ResidentQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return new QuestionSubmitResult(QuestionSubmitOutcome.Saved, []);
    }

    /// <summary>Answered and published questions, newest first, with every folded word of <paramref name="q"/>; or why the query is refused.</summary>
    public async Task<(QuestionListViewModel? Model, string? Error)> ListAsync(string? q, int page, CancellationToken cancellationToken)
    {
        var query = db.ResidentQuestions.AsNoTracking().Where(x => x.IsPublished);
        string? text = null;
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (!SearchQuery.TryParse(q, out var search, out var error))
            {
                return (null, error);
            }

            text = search!.Text;
            foreach (var word in search.Words)
            {
                var pattern = " " + word;
                query = query.Where(x => x.SearchText.Contains(pattern));
            }
        }

        var list = await query.OrderByDescending(x => x.PublishedAtUtc).ThenByDescending(x => x.Id)
            .Select(x => new QuestionListItem(x.Id, x.Title, x.AskerName, x.Unit!.Name, x.PublishedAtUtc!.Value, x.Text))
            .ToPagedListAsync(page, PageSize, cancellationToken);
        return (new QuestionListViewModel(text, list), null);
    }

    public async Task<QuestionPageViewModel?> GetAsync(int id, CancellationToken cancellationToken) =>
        await db.ResidentQuestions.AsNoTracking().Where(x => x.Id == id && x.IsPublished)
            .Select(x => new QuestionPageViewModel(x.Id, x.Title, x.AskerName, x.Unit!.Name, x.AskedAtUtc, x.Text, x.Answer!, x.AnsweredAtUtc!.Value))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<QuestionAdminListViewModel> AdminListAsync(ClaimsPrincipal user, int page, CancellationToken cancellationToken)
    {
        var allowed = await access.UnitIdsAsync(user, cancellationToken);
        var query = db.ResidentQuestions.AsNoTracking();
        if (allowed is not null)
        {
            query = query.Where(x => allowed.Contains(x.UnitId));
        }

        var list = await query.OrderBy(x => x.Answer != null).ThenByDescending(x => x.AskedAtUtc).ThenByDescending(x => x.Id)
            .Select(x => new QuestionAdminItem(x.Id, x.Title, x.AskerName, x.Unit!.Name, x.AskedAtUtc, x.Answer != null, x.IsPublished))
            .ToPagedListAsync(page, 50, cancellationToken);
        return new QuestionAdminListViewModel(list);
    }

    /// <summary>The answer form (as saved, or as typed with errors), or why it cannot be shown (403, 404).</summary>
    public async Task<(AnswerFormViewModel? Form, int Status)> GetAnswerFormAsync(
        ClaimsPrincipal user, int id, AnswerInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        var question = await db.ResidentQuestions.AsNoTracking().Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (question is null)
        {
            return (null, StatusCodes.Status404NotFound);
        }

        if (!await access.CanActForAsync(user, question.UnitId, cancellationToken))
        {
            return (null, StatusCodes.Status403Forbidden);
        }

        input ??= new AnswerInput { Answer = question.Answer, Publish = question.IsPublished || question.Answer is null };
        return (new AnswerFormViewModel(question.Id, question.Title, question.Text, question.AskerName, question.Contact, question.Unit!.Name,
            question.AskedAtUtc, question.IsPublished, input, errors ?? []), StatusCodes.Status200OK);
    }

    /// <summary>Saves the answer and the publication; the status says what happened (200, 400, 403, 404).</summary>
    public async Task<(int Status, string Message, IReadOnlyList<FieldError> Errors)> AnswerAsync(
        ClaimsPrincipal user, int id, AnswerInput input, CancellationToken cancellationToken)
    {
        var question = await db.ResidentQuestions.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (question is null)
        {
            return (StatusCodes.Status404NotFound, NotFoundMessage, []);
        }

        if (!await access.CanActForAsync(user, question.UnitId, cancellationToken))
        {
            return (StatusCodes.Status403Forbidden, ForbiddenMessage, []);
        }

        var answer = FieldCheck.Block(input.Answer);
        if (answer.Length > QuestionLimits.Answer)
        {
            return (StatusCodes.Status400BadRequest, "Chưa lưu được: vui lòng sửa các ô được đánh dấu.",
                [new FieldError(nameof(input.Answer), $"Câu trả lời dài tối đa {Vietnamese.VietnameseFormat.Number(QuestionLimits.Answer)} ký tự.")]);
        }

        if (answer.Length == 0 && input.Publish)
        {
            return (StatusCodes.Status400BadRequest, "Chưa lưu được: vui lòng sửa các ô được đánh dấu.",
                [new FieldError(nameof(input.Answer), "Vui lòng nhập câu trả lời trước khi công bố.")]);
        }

        var wasPublished = question.IsPublished;
        question.SetAnswer(answer.Length == 0 ? null : answer, input.Publish, user.Identity?.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var idText = id.ToString(CultureInfo.InvariantCulture);
        await audit.WriteAsync(AuditActions.QuestionAnswered, AuditTargets.Question, idText,
            $"{question.Title} ({(question.IsPublished ? "công bố" : "không công bố")})", cancellationToken: cancellationToken);
        if (wasPublished || question.IsPublished)
        {
            await changes.PublishAsync(new ContentChange(ContentTypes.Question, idText, question.IsPublished ? "answered" : "unpublished"));
        }

        return (StatusCodes.Status200OK, question.IsPublished ? $"Đã lưu và công bố câu trả lời “{question.Title}”." : $"Đã lưu câu hỏi “{question.Title}” (chưa công bố).", []);
    }

    public const string NotFoundMessage = "Không tìm thấy câu hỏi này.";

    public const string ForbiddenMessage = "Câu hỏi này gửi đến đơn vị bạn không phụ trách.";

    private async Task<List<Choice>> WardsAsync(CancellationToken cancellationToken) =>
        await db.PublishingUnits.AsNoTracking().Where(u => u.Kind == PublishingUnitKind.Ward && u.ActiveUntil == null)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new Choice(u.Slug, u.Name)).ToListAsync(cancellationToken);
}
