namespace District5News.Web.Data.Entities;

/// <summary>
/// Stored states. "Scheduled" is not stored: it is a published bulletin whose publication time is still in the
/// future, so it appears on the public site by itself when that time comes.
/// </summary>
public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
    Unpublished = 2,
}
