using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Data.Entities;

/// <summary>
/// A legal or administrative document in the library (/van-ban): what it is, who issued and signed it, when, what it
/// is about, and its PDF. The file lives with the bulletin attachments (ArticleAttachmentStore), reached only through
/// the download action.
/// </summary>
public class LegalDocument
{
    public int Id { get; set; }

    public LegalDocumentType Type { get; set; }

    /// <summary>Number and symbol as printed on it, e.g. "125/QĐ-UBND".</summary>
    public required string Number { get; set; }

    /// <summary>The publishing unit whose editors manage it, and which residents filter by.</summary>
    public int UnitId { get; set; }

    public PublishingUnit? Unit { get; set; }

    /// <summary>The issuing body as written on the document ("Ủy ban nhân dân Phường Chợ Lớn").</summary>
    public required string IssuingBody { get; set; }

    public required string Signer { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    /// <summary>Trích yếu: what the document is about, one paragraph.</summary>
    public required string Summary { get; set; }

    public required string Slug { get; set; }

    /// <summary>The name residents download the file as.</summary>
    public required string FileName { get; set; }

    public required string StoredPath { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Folded words of the number, summary, issuing body and signer (<see cref="VietnameseText.SearchForm"/>), space-padded.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Recomputes the slug and the folded search words after the text changed.</summary>
    public void RefreshDerived()
    {
        Slug = VietnameseText.Slugify(LegalDocumentTypes.Label(Type) + " " + Number + " " + Summary, DocumentLimits.Slug);
        SearchText = " " + VietnameseText.SearchForm(string.Join(' ', LegalDocumentTypes.Label(Type), Number, Summary, IssuingBody, Signer)) + " ";
    }
}

public enum LegalDocumentType
{
    Decision = 0,
    Resolution = 1,
    Plan = 2,
    Announcement = 3,
    OfficialLetter = 4,
    Report = 5,
    Directive = 6,
    Guidance = 7,
    Other = 99,
}

public static class LegalDocumentTypes
{
    public static readonly IReadOnlyList<LegalDocumentType> All =
    [
        LegalDocumentType.Decision, LegalDocumentType.Resolution, LegalDocumentType.Plan, LegalDocumentType.Announcement,
        LegalDocumentType.OfficialLetter, LegalDocumentType.Report, LegalDocumentType.Directive, LegalDocumentType.Guidance,
        LegalDocumentType.Other,
    ];

    public static string Label(LegalDocumentType type) => type switch
    {
        LegalDocumentType.Decision => "Quyết định",
        LegalDocumentType.Resolution => "Nghị quyết",
        LegalDocumentType.Plan => "Kế hoạch",
        LegalDocumentType.Announcement => "Thông báo",
        LegalDocumentType.OfficialLetter => "Công văn",
        LegalDocumentType.Report => "Báo cáo",
        LegalDocumentType.Directive => "Chỉ thị",
        LegalDocumentType.Guidance => "Hướng dẫn",
        _ => "Khác",
    };

    /// <summary>The key in addresses (?loai=quyet-dinh).</summary>
    public static string Key(LegalDocumentType type) => VietnameseText.Slugify(Label(type));

    public static LegalDocumentType? FromKey(string? key) =>
        All.Cast<LegalDocumentType?>().FirstOrDefault(t => Key(t!.Value) == key);
}

public static class DocumentLimits
{
    public const int Number = 50;
    public const int IssuingBody = 200;
    public const int Signer = 100;
    public const int Summary = 1000;
    public const int Slug = 100;
    public const int SearchText = 1600;
}
