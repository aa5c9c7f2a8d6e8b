using District5News.Web.Data;
using District5News.Web.Data.Entities;

namespace District5News.Web.Features.Audit;

/// <summary>Writes who did what to which bulletin or account, and when.</summary>
public sealed class AuditLog(NewsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry to the context; it is saved with the caller's own SaveChanges, in the same transaction.</summary>
    public AuditEntry Add(string action, string? targetType = null, string? targetId = null, string? details = null, string? userName = null)
    {
        return db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = userName ?? http.HttpContext?.User.Identity?.Name,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        }).Entity;
    }

    /// <summary>Adds and saves an entry on its own (sign-ins, account changes).</summary>
    public async Task WriteAsync(string action, string? targetType = null, string? targetId = null, string? details = null,
        string? userName = null, CancellationToken cancellationToken = default)
    {
        Add(action, targetType, targetId, details, userName);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string ArticleCreated = "article.created";
    public const string ArticleEdited = "article.edited";
    public const string ArticlePublished = "article.published";
    public const string ArticleUnpublished = "article.unpublished";
    public const string ArticleDeleted = "article.deleted";
    public const string ArticleRestored = "article.restored";
    public const string ArticleRevisionRestored = "article.revision-restored";
    public const string ArticlePurged = "article.purged";
    public const string ArticleImported = "article.imported";
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.signin-failed";
    public const string SignedOut = "account.signed-out";
    public const string LockedOut = "account.locked-out";
    public const string AccountCreated = "account.created";
    public const string AccountChanged = "account.changed";
    public const string PasswordChanged = "account.password-changed";
    public const string CategoryCreated = "category.created";
    public const string CategoryRenamed = "category.renamed";
    public const string CategoryMoved = "category.moved";
    public const string CategoryHidden = "category.hidden";
    public const string CategoryShown = "category.shown";
    public const string NoticeCreated = "notice.created";
    public const string NoticeEdited = "notice.edited";
    public const string NoticeEnded = "notice.ended";
    public const string SettingsChanged = "settings.changed";
    public const string UnitProfileChanged = "unit-profile.changed";
    public const string ProcedureLinkCreated = "procedure-link.created";
    public const string ProcedureLinkEdited = "procedure-link.edited";
    public const string ProcedureLinkDeleted = "procedure-link.deleted";
    public const string UnitChanged = "unit.changed";
    public const string DocumentCreated = "document.created";
    public const string DocumentEdited = "document.edited";
    public const string DocumentDeleted = "document.deleted";
    public const string QuestionAnswered = "question.answered";

    public static string DisplayName(string action) => action switch
    {
        ArticleCreated => "Tạo bản tin",
        ArticleEdited => "Sửa bản tin",
        ArticlePublished => "Đăng bản tin",
        ArticleUnpublished => "Gỡ bản tin",
        ArticleDeleted => "Xóa bản tin (vào thùng rác)",
        ArticleRestored => "Khôi phục bản tin",
        ArticleRevisionRestored => "Khôi phục phiên bản",
        ArticlePurged => "Xóa hẳn bản tin",
        ArticleImported => "Nhập bản tin từ cổng cũ",
        SignedIn => "Đăng nhập",
        SignInFailed => "Đăng nhập thất bại",
        SignedOut => "Đăng xuất",
        LockedOut => "Tài khoản bị khóa tạm thời",
        AccountCreated => "Tạo tài khoản",
        AccountChanged => "Thay đổi tài khoản",
        PasswordChanged => "Đổi mật khẩu",
        CategoryCreated => "Tạo chuyên mục",
        CategoryRenamed => "Đổi tên chuyên mục",
        CategoryMoved => "Đổi thứ tự chuyên mục",
        CategoryHidden => "Ẩn chuyên mục",
        CategoryShown => "Hiện lại chuyên mục",
        NoticeCreated => "Tạo thông báo khẩn",
        NoticeEdited => "Sửa thông báo khẩn",
        NoticeEnded => "Kết thúc thông báo khẩn",
        SettingsChanged => "Sửa cài đặt trang",
        UnitProfileChanged => "Sửa giới thiệu, liên hệ của đơn vị",
        ProcedureLinkCreated => "Thêm liên kết thủ tục hành chính",
        ProcedureLinkEdited => "Sửa liên kết thủ tục hành chính",
        ProcedureLinkDeleted => "Xóa liên kết thủ tục hành chính",
        UnitChanged => "Sửa đơn vị đăng tin",
        DocumentCreated => "Thêm văn bản",
        DocumentEdited => "Sửa văn bản",
        DocumentDeleted => "Xóa văn bản",
        QuestionAnswered => "Trả lời, công bố câu hỏi",
        _ => action,
    };
}

/// <summary>
/// The kinds of things an audit entry names, stored in <c>AuditEntry.TargetType</c>, and how the audit page names
/// them in Vietnamese. Every writer and reader of the log uses these, so an entry is never stored under two spellings.
/// </summary>
public static class AuditTargets
{
    public const string Article = "article";
    public const string Account = "account";
    public const string Category = "category";
    public const string Notice = "notice";
    public const string Settings = "settings";
    public const string UnitProfile = "unit-profile";
    public const string ProcedureLink = "procedure-link";
    public const string Unit = "unit";
    public const string Document = "document";
    public const string Question = "question";

    /// <summary>"Bản tin số 42", "Tài khoản a@b.vn": how the audit page shows a target.</summary>
    public static string Describe(string? type, string id) => type switch
    {
        Article => $"Bản tin số {id}",
        Account => $"Tài khoản {id}",
        Category => $"Chuyên mục số {id}",
        Notice => $"Thông báo khẩn số {id}",
        Settings => "Cài đặt trang",
        UnitProfile => $"Giới thiệu đơn vị số {id}",
        ProcedureLink => $"Liên kết thủ tục số {id}",
        Unit => $"Đơn vị số {id}",
        Document => $"Văn bản số {id}",
        Question => $"Câu hỏi số {id}",
        null => id,
        _ => $"{type} {id}",
    };
}
