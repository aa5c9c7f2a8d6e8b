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

    /// <summary>Visits this portal has counted itself (SiteCounter.Visits); the public counter shows them on top of the start.</summary>
    public long CountedVisits { get; set; }

    /// <summary>What "SỐ LƯỢT TRUY CẬP" shows residents before the import (as stored; visits of the last second may still be on their way).</summary>
    public long CounterShownBefore => CounterStartBefore + CountedVisits;

    /// <summary>What it shows after the import (in a dry run: what it would show).</summary>
    public long CounterShownAfter => CounterStartAfter + CountedVisits;

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

    /// <summary>
    /// The public counter in the words residents see it: what it shows now and what it will show (after a real run:
    /// what it showed and what it shows), not the stored starting value, which residents never see alone.
    /// </summary>
    public string CounterLine()
    {
        var now = VietnameseFormat.Number(CounterShownBefore);
        var after = VietnameseFormat.Number(CounterShownAfter);
        var shown = DryRun
            ? $"Bộ đếm “Số lượt truy cập” trên trang hiện đang là {now}"
            : $"Bộ đếm “Số lượt truy cập” trên trang trước khi nhập là {now}";
        if (CounterChanged)
        {
            var origin = $"số cũ lớn nhất trong các tệp là {VietnameseFormat.Number(CounterStartAfter)}"
                + (CountedVisits > 0 ? $", cộng {VietnameseFormat.Number(CountedVisits)} lượt cổng mới đã đếm" : string.Empty);
            return DryRun
                ? $"{shown}; nếu nhập thật sẽ hiện {after} ({origin})."
                : $"{shown}; nay hiện {after} ({origin}).";
        }

        var unchanged = DryRun ? "nếu nhập thật vẫn hiện" : "vẫn hiện";
        return LargestOldCounter is { } largest
            ? $"{shown}; {unchanged} {after} (số cũ lớn nhất trong các tệp là {VietnameseFormat.Number(largest)}, không lớn hơn số đang hiện)."
            : $"{shown}; {unchanged} {after} (các tệp không ghi số lượt truy cập).";
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
