using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Data.Entities;

/// <summary>
/// A resident's question to a ward (/hoi-dap). The asker's contact is for staff only and is never printed on a public
/// page; the question is public only once staff have answered it and published it.
/// </summary>
public class ResidentQuestion
{
    public int Id { get; set; }

    /// <summary>The ward the question is addressed to; its staff answer it.</summary>
    public int UnitId { get; set; }

    public PublishingUnit? Unit { get; set; }

    public required string AskerName { get; set; }

    /// <summary>Phone number or e-mail address, for staff only.</summary>
    public required string Contact { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public DateTime AskedAtUtc { get; set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public string? AnsweredBy { get; private set; }

    public bool IsPublished { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>Folded words of the title, question and answer, space-padded, for search.</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Saves the answer and whether residents see it; a question without an answer is never published.</summary>
    public void SetAnswer(string? answer, bool publish, string? who, DateTime nowUtc)
    {
        if (answer != Answer)
        {
            Answer = answer;
            AnsweredAtUtc = answer is null ? null : nowUtc;
            AnsweredBy = answer is null ? null : who;
        }

        var published = publish && Answer is not null;
        if (published && !IsPublished)
        {
            PublishedAtUtc = nowUtc;
        }

        IsPublished = published;
        RefreshSearch();
    }

    public void RefreshSearch() =>
        SearchText = " " + VietnameseText.SearchForm(string.Join(' ', Title, Text, Answer ?? string.Empty)) + " ";
}

public static class QuestionLimits
{
    public const int Name = 100;
    public const int Contact = 254;
    public const int Title = 200;
    public const int Text = 4000;
    public const int Answer = 8000;
    public const int SearchText = 16000;
    public const int Slug = 80;
}
