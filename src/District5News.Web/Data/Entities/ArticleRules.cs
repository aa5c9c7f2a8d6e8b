using System.Linq.Expressions;

namespace District5News.Web.Data.Entities;

/// <summary>
/// When residents may see a bulletin: published, not in the trash, and its publication time has come (so scheduled
/// bulletins appear by themselves). The one definition, as a LINQ expression for queries, as a compiled check for
/// objects in memory, and as SQL built from the same enum for the hand-written search queries.
/// </summary>
public static class ArticleVisibility
{
    private static readonly Expression<Func<Article, DateTime, bool>> VisibleRule =
        (a, now) => a.Status == ArticleStatus.Published && a.DeletedAtUtc == null && a.PublishedAtUtc <= now;

    private static readonly Expression<Func<Article, DateTime, bool>> ScheduledRule =
        (a, now) => a.Status == ArticleStatus.Published && a.DeletedAtUtc == null && a.PublishedAtUtc > now;

    private static readonly Func<Article, DateTime, bool> IsVisibleCompiled = VisibleRule.Compile();
    private static readonly Func<Article, DateTime, bool> IsScheduledCompiled = ScheduledRule.Compile();

    /// <summary>Residents see it at <paramref name="nowUtc"/>.</summary>
    public static Expression<Func<Article, bool>> VisibleAt(DateTime nowUtc) => Bind(VisibleRule, nowUtc);

    /// <summary>Published with a time still to come: it appears by itself then.</summary>
    public static Expression<Func<Article, bool>> ScheduledAt(DateTime nowUtc) => Bind(ScheduledRule, nowUtc);

    public static bool IsVisible(Article article, DateTime nowUtc) => IsVisibleCompiled(article, nowUtc);

    public static bool IsScheduled(Article article, DateTime nowUtc) => IsScheduledCompiled(article, nowUtc);

    /// <summary>The SQL of <see cref="VisibleAt"/> over the Articles table under <paramref name="alias"/>, with the time in <paramref name="nowParameter"/>.</summary>
    public static string VisibleSql(string alias, string nowParameter) =>
        $"""{alias}."Status" = {Published} AND {alias}."DeletedAtUtc" IS NULL AND {alias}."PublishedAtUtc" <= {nowParameter}""";

    /// <summary>
    /// The ids of bulletins residents do not see, as a UNION of four index-friendly selects (the complement of
    /// <see cref="VisibleSql"/>): not published, in the trash, or scheduled.
    /// </summary>
    public static string HiddenIdsSql(string nowParameter) => $"""
        SELECT "Id" FROM "Articles" WHERE "Status" < {Published}
        UNION ALL SELECT "Id" FROM "Articles" WHERE "Status" > {Published}
        UNION ALL SELECT "Id" FROM "Articles" WHERE "Status" = {Published} AND "DeletedAtUtc" IS NOT NULL
        UNION ALL SELECT "Id" FROM "Articles" WHERE "Status" = {Published} AND "DeletedAtUtc" IS NULL AND "PublishedAtUtc" > {nowParameter}
        """;

    private static int Published => (int)ArticleStatus.Published;

    /// <summary>Fixes the time argument as a captured value, so EF Core sends it as a parameter.</summary>
    private static Expression<Func<Article, bool>> Bind(Expression<Func<Article, DateTime, bool>> rule, DateTime nowUtc)
    {
        var now = new TimeHolder(nowUtc);
        Expression<Func<DateTime>> captured = () => now.Value;
        var body = new ReplaceParameter(rule.Parameters[1], captured.Body).Visit(rule.Body);
        return Expression.Lambda<Func<Article, bool>>(body, rule.Parameters[0]);
    }

    private sealed class TimeHolder(DateTime value)
    {
        public DateTime Value { get; } = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>The limits of a bulletin's fields, used by the form's validation, the importer and the database mapping alike.</summary>
public static class ArticleLimits
{
    public const int TitleLength = 300;
    public const int LeadLength = 2000;
    public const int BodyLength = 500_000;
    public const int SlugLength = 100;
    public const int CoverPathLength = 300;

    /// <summary>A cover image file, at most 5 MB.</summary>
    public const long CoverBytes = 5 * 1024 * 1024;

    /// <summary><see cref="CoverBytes"/> as staff read it ("5 MB"), for every message that names the limit.</summary>
    public static readonly string CoverSizeText = $"{CoverBytes / (1024 * 1024)} MB";
}

/// <summary>
/// A length limit whose message writes the number the Vietnamese way ("tối đa 2.000 ký tự"): the message is a format
/// with {1} for the limit, so the limit is written once, in <see cref="ArticleLimits"/>.
/// </summary>
public sealed class VietnameseStringLengthAttribute(int maximumLength) : System.ComponentModel.DataAnnotations.StringLengthAttribute(maximumLength)
{
    public override string FormatErrorMessage(string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ErrorMessageString, name,
            Features.Vietnamese.VietnameseFormat.Number(MaximumLength), Features.Vietnamese.VietnameseFormat.Number(MinimumLength));
}
