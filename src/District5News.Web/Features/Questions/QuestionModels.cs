using District5News.Web.Data.Entities;
using District5News.Web.Features.Agency;
using District5News.Web.Features.Documents;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;

namespace District5News.Web.Features.Questions;

/// <summary>The resident's form, every value as typed; <see cref="Website"/> is the honeypot people never see.</summary>
public sealed class QuestionInput
{
    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string? Unit { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    /// <summary>Hidden from people (off screen, not in the tab order); a program that fills every field fills it.</summary>
    public string? Website { get; set; }
}

public sealed record QuestionFormViewModel(QuestionInput Input, IReadOnlyList<Choice> Wards, IReadOnlyList<FieldError> Errors)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

public enum QuestionSubmitOutcome
{
    Saved,
    Dropped,
    Invalid,
}

public sealed record QuestionSubmitResult(QuestionSubmitOutcome Outcome, IReadOnlyList<FieldError> Errors);

public sealed record QuestionListItem(int Id, string Title, string AskerName, string UnitName, DateTime PublishedAtUtc, string Text)
{
    public string Url => QuestionUrls.Question(Id, Title);
}

public sealed record QuestionListViewModel(string? Query, PagedList<QuestionListItem> Questions)
{
    public PagerViewModel Pager => PagerViewModel.For(Questions, p => QuestionUrls.List(Query, p));
}

/// <summary>A published question as residents read it: never the asker's contact.</summary>
public sealed record QuestionPageViewModel(int Id, string Title, string AskerName, string UnitName, DateTime AskedAtUtc, string Text, string Answer, DateTime AnsweredAtUtc)
{
    public string Url => QuestionUrls.Question(Id, Title);

    /// <summary>The address's last segment, from the title; empty for a title with no letters or digits.</summary>
    public string Slug => VietnameseText.Slugify(Title, QuestionLimits.Slug);

    public IReadOnlyList<IReadOnlyList<string>> TextParagraphs => PlainText.Paragraphs(Text);

    public IReadOnlyList<IReadOnlyList<string>> AnswerParagraphs => PlainText.Paragraphs(Answer);
}

public sealed record QuestionAdminItem(int Id, string Title, string AskerName, string UnitName, DateTime AskedAtUtc, bool Answered, bool Published)
{
    public string AnswerUrl => QuestionUrls.Answer(Id);

    public string Status => Published ? "Đã công bố" : Answered ? "Đã trả lời, chưa công bố" : "Chưa trả lời";
}

public sealed record QuestionAdminListViewModel(PagedList<QuestionAdminItem> Questions)
{
    public PagerViewModel Pager => PagerViewModel.For(Questions, p => AdminRoutes.Questions + "?page=" + p);
}

public sealed class AnswerInput
{
    public string? Answer { get; set; }

    public bool Publish { get; set; }
}

public sealed record AnswerFormViewModel(
    int Id, string Title, string Text, string AskerName, string Contact, string UnitName, DateTime AskedAtUtc, bool Published, AnswerInput Input, IReadOnlyList<FieldError> Errors)
{
    public string PostUrl => QuestionUrls.Answer(Id);

    public string PublicUrl => QuestionUrls.Question(Id, Title);

    public IReadOnlyList<IReadOnlyList<string>> TextParagraphs => PlainText.Paragraphs(Text);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

public static class QuestionUrls
{
    public static string Question(int id, string title) =>
        RouteLink.Fill(SiteRoutes.Question, ("id", id), ("slug", VietnameseText.Slugify(title, QuestionLimits.Slug)));

    public static string Answer(int id) => RouteLink.Fill(AdminRoutes.QuestionAnswer, ("id", id));

    public static string List(string? query, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(query))
        {
            parts.Add("q=" + Uri.EscapeDataString(query));
        }

        if (page > 1)
        {
            parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? SiteRoutes.Questions : SiteRoutes.Questions + "?" + string.Join('&', parts);
    }
}
