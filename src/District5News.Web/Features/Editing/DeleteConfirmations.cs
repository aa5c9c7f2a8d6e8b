using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Features.Admin;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>
/// The second step before each destructive action on bulletins — move to the trash, delete for good, empty the trash —
/// saying what the action will do to this bulletin now (docs/editing.md, "Deleting safely").
/// </summary>
public sealed class DeleteConfirmations(NewsDbContext db, TimeProvider clock)
{
    /// <summary>The field that limits emptying the trash to what the confirmation showed.</summary>
    public const string EmptyUpToField = "upTo";

    public async Task<ConfirmActionViewModel?> MoveToTrashAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => new { a.Title, a.Status, a.PublishedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var consequences = new List<string>();
        switch (EditorStates.Of(article.Status, article.PublishedAtUtc, clock.GetUtcNow().UtcDateTime))
        {
            case EditorState.Published:
                consequences.Add("Bản tin đang hiện trên trang công khai: người đọc sẽ không xem được nữa ngay khi bạn xác nhận.");
                break;
            case EditorState.Scheduled:
                consequences.Add($"Bản tin đang hẹn giờ đăng lúc {VietnameseFormat.LongDateTime(article.PublishedAtUtc)}: bản tin sẽ không được đăng.");
                break;
        }

        consequences.Add("Bản tin được giữ trong thùng rác cùng lịch sử của nó: bạn có thể bấm “Hoàn tác” ngay sau đó, hoặc khôi phục từ thùng rác.");
        return new ConfirmActionViewModel(
            "Chuyển bản tin vào thùng rác?",
            $"Bạn sắp chuyển bản tin “{article.Title}” vào thùng rác.",
            consequences,
            EditorUrls.Delete(id),
            "Chuyển vào thùng rác",
            EditorUrls.Edit(id),
            "Không, quay lại bản tin");
    }

    public async Task<ConfirmActionViewModel?> PurgeAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc != null)
            .Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
        return title is null
            ? null
            : new ConfirmActionViewModel(
                "Xóa hẳn bản tin?",
                $"Bạn sắp xóa hẳn bản tin “{title}”.",
                [
                    "Không thể hoàn tác: bản tin, mọi phiên bản cũ, số lượt xem theo ngày và ảnh bìa của nó bị xóa vĩnh viễn.",
                    "Nhật ký hệ thống vẫn ghi lại rằng bản tin này đã từng tồn tại và ai đã xóa hẳn nó.",
                ],
                EditorUrls.Purge(id),
                "Xóa hẳn",
                EditorUrls.Trash,
                "Không, quay lại thùng rác");
    }

    /// <summary>Null when the trash is empty. The form carries the newest deletion shown, so a bulletin trashed meanwhile is kept.</summary>
    public async Task<ConfirmActionViewModel?> EmptyTrashAsync(CancellationToken cancellationToken)
    {
        var trash = db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc != null);
        var count = await trash.CountAsync(cancellationToken);
        if (count == 0)
        {
            return null;
        }

        var newest = await trash.MaxAsync(a => a.DeletedAtUtc!.Value, cancellationToken);
        var number = VietnameseFormat.Number(count);
        return new ConfirmActionViewModel(
            "Dọn sạch thùng rác?",
            $"Bạn sắp xóa hẳn {number} bản tin đang nằm trong thùng rác.",
            [
                "Không thể hoàn tác: các bản tin này, mọi phiên bản cũ và ảnh bìa của chúng bị xóa vĩnh viễn.",
                "Bản tin bị chuyển vào thùng rác sau khi trang này mở ra sẽ không bị xóa.",
            ],
            EditorUrls.EmptyTrash,
            $"Xóa hẳn {number} bản tin",
            EditorUrls.Trash,
            "Không, quay lại thùng rác",
            new Dictionary<string, string> { [EmptyUpToField] = newest.Ticks.ToString(CultureInfo.InvariantCulture) });
    }
}
