using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Import;

public enum ImportOutcome
{
    Imported,
    Updated,
    Unchanged,
}

/// <summary>What happened to one bulletin. In a dry run the id is the one it would have had; it does not exist afterwards.</summary>
public sealed record ImportedBulletin(
    string FileName,
    ImportOutcome Outcome,
    int ArticleId,
    string Title,
    string Slug,
    string CategoryName,
    DateTime PublishedAtUtc,
    long ImportedViews)
{
    public string Url => ArticleUrls.Article(ArticleId, Slug);
}

/// <param name="Line">1-based line the reason is about; 0 when it is about the whole file.</param>
public sealed record SkippedFile(string FileName, int Line, string Reason);

public sealed record CreatedCategory(string Name, string Slug)
{
    public string Url => ArticleUrls.Category(Slug);
}

/// <summary>The outcome of one import run, shown on the admin page and printed by the command.</summary>
public sealed class ImportReport
{
    public bool DryRun { get; init; }

    public List<ImportedBulletin> Bulletins { get; } = [];

    public List<SkippedFile> Skipped { get; } = [];

    public List<CreatedCategory> CategoriesCreated { get; } = [];

    /// <summary>The largest old-site visit counter among the bulletins read; null when no page had one.</summary>
    public long? LargestOldCounter { get; set; }

    /// <summary>SiteCounter.StartingVisits before the import.</summary>
    public long CounterStartBefore { get; set; }

    /// <summary>SiteCounter.StartingVisits after the import (in a dry run: what it would be).</summary>
    public long CounterStartAfter { get; set; }

    public int Imported => Count(ImportOutcome.Imported);

    public int Updated => Count(ImportOutcome.Updated);

    public int Unchanged => Count(ImportOutcome.Unchanged);

    public bool CounterChanged => CounterStartAfter != CounterStartBefore;

    /// <summary>Whether the database changed, i.e. the caches must forget what they hold.</summary>
    public bool ChangedAnything => !DryRun && (Imported > 0 || Updated > 0 || CategoriesCreated.Count > 0 || CounterChanged);

    public IEnumerable<ImportedBulletin> WithOutcome(ImportOutcome outcome) => Bulletins.Where(b => b.Outcome == outcome);

    /// <summary>The report as plain text lines, for the command's output.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>
        {
            DryRun ? "Kết quả chạy thử (không có gì được ghi vào cơ sở dữ liệu):" : "Kết quả nhập tin từ cổng cũ:",
            $"  Nhập mới: {Imported}",
            $"  Cập nhật: {Updated}",
            $"  Không đổi: {Unchanged}",
            $"  Bỏ qua: {Skipped.Count}",
            $"  Chuyên mục mới: {CategoriesCreated.Count}",
            $"  {CounterLine()}",
        };

        AddSection(lines, "Nhập mới:", WithOutcome(ImportOutcome.Imported).Select(Describe));
        AddSection(lines, "Cập nhật:", WithOutcome(ImportOutcome.Updated).Select(Describe));
        AddSection(lines, "Bỏ qua:", Skipped.Select(s => s.Line > 0
            ? $"{s.FileName} (dòng {s.Line}): {s.Reason}"
            : $"{s.FileName}: {s.Reason}"));
        AddSection(lines, "Chuyên mục mới:", CategoriesCreated.Select(c => $"{c.Name} ({c.Url})"));
        return lines;
    }

    public string CounterLine()
    {
        var start = VietnameseFormat.Number(CounterStartAfter);
        if (CounterChanged)
        {
            return $"Bộ đếm truy cập bắt đầu từ: {start} (trước đây: {VietnameseFormat.Number(CounterStartBefore)})";
        }

        return LargestOldCounter is { } largest
            ? $"Bộ đếm truy cập bắt đầu từ: {start} (không đổi: số cũ lớn nhất {VietnameseFormat.Number(largest)} không vượt quá tổng hiện tại)"
            : $"Bộ đếm truy cập bắt đầu từ: {start} (không đổi: các tệp không có số lượt truy cập)";
    }

    private int Count(ImportOutcome outcome) => Bulletins.Count(b => b.Outcome == outcome);

    private static string Describe(ImportedBulletin b) =>
        $"{b.FileName} → {b.Title} [{b.CategoryName}, {VietnameseFormat.LongDateTime(b.PublishedAtUtc)}, " +
        $"{VietnameseFormat.Number(b.ImportedViews)} lượt xem]";

    private static void AddSection(List<string> lines, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        lines.Add(title);
        lines.AddRange(list.Select(item => "  " + item));
    }
}
