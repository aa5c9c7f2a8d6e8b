using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>One page of each kind staff work on in the back office, over the demo content.</summary>
public static class AdminPages
{
    public static readonly string[] Names = ["bulletins", "new-bulletin", "edit-bulletin", "statistics", "accounts", "new-account", "audit", "notices", "new-notice", "settings", "unit-profile", "procedures", "documents", "new-document", "questions", "media-library"];

    public static async Task<string> PathAsync(BrowserAppFactory app, string name) => name switch
    {
        "bulletins" => "/admin/bai-viet",
        "new-bulletin" => "/admin/bai-viet/tao-moi",
        "edit-bulletin" => $"/admin/bai-viet/{await DemoBulletinIdAsync(app)}/sua",
        "statistics" => "/admin/thong-ke",
        "accounts" => "/admin/tai-khoan",
        "new-account" => "/admin/tai-khoan/tao-moi",
        "audit" => "/admin/nhat-ky",
        "notices" => "/admin/thong-bao-khan",
        "new-notice" => "/admin/thong-bao-khan/tao-moi",
        "settings" => "/admin/cai-dat",
        "unit-profile" => "/admin/gioi-thieu/4/sua",
        "procedures" => "/admin/thu-tuc-hanh-chinh",
        "media-library" => "/admin/thu-vien-anh",
        "documents" => "/admin/van-ban",
        "new-document" => "/admin/van-ban/tao-moi",
        "questions" => "/admin/hoi-dap",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown page"),
    };

    /// <summary>The demo bulletin the public article page shows, opened in the editor.</summary>
    private static Task<int> DemoBulletinIdAsync(BrowserAppFactory app) => app.WithDbAsync(db =>
        db.Articles.Where(a => a.Title == PublicPages.ArticleTitle && a.Status == ArticleStatus.Published).Select(a => a.Id).SingleAsync());
}
