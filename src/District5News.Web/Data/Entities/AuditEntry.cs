namespace District5News.Web.Data.Entities;

public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserName { get; set; }

    /// <summary>What happened, e.g. "article.published", "account.signin-failed".</summary>
    public required string Action { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string? Details { get; set; }
}
