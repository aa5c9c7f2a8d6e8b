using System.ComponentModel.DataAnnotations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;

namespace District5News.Web.Features.Documents;

/// <summary>The "Documents" section: the PDF size limit and the list's page size.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>One PDF, at most (default 20 MB; Kestrel's 30 MB request limit leaves room for the form).</summary>
    [Range(1, 28L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 100)]
    public int PageSize { get; set; } = 20;
}

/// <summary>The admin form that adds or edits a document; every value as typed, checked by <see cref="LegalDocuments"/>.</summary>
public sealed class DocumentInput
{
    public string? Type { get; set; }

    public string? Number { get; set; }

    public string? Unit { get; set; }

    public string? IssuingBody { get; set; }

    public string? Signer { get; set; }

    public string? IssuedOn { get; set; }

    public string? EffectiveOn { get; set; }

    public string? Summary { get; set; }

    public IFormFile? File { get; set; }
}

/// <summary>The public list's query: search words, type, unit, year and page, as sent.</summary>
public sealed record DocumentFilter(string? Q, string? Type, string? Unit, int? Year, int Page);

public sealed record DocumentListItem(int Id, LegalDocumentType Type, string Number, string Summary, string UnitName, DateOnly IssuedOn, string Slug)
{
    public string TypeLabel => LegalDocumentTypes.Label(Type);

    public string Url => DocumentUrls.Document(Id, Slug);
}

public sealed record Choice(string Value, string Label);

public sealed record DocumentListViewModel(
    DocumentFilter Filter, PagedList<DocumentListItem> Documents, IReadOnlyList<Choice> Types, IReadOnlyList<Choice> Units, IReadOnlyList<int> Years)
{
    public bool Filtered => Filter.Q is not null || Filter.Type is not null || Filter.Unit is not null || Filter.Year is not null;

    public PagerViewModel Pager => PagerViewModel.For(Documents, p => DocumentUrls.List(Filter with { Page = p }));
}

public sealed record DocumentPageViewModel(
    int Id, LegalDocumentType Type, string Number, string UnitName, string UnitSlug, string IssuingBody, string Signer,
    DateOnly IssuedOn, DateOnly? EffectiveOn, string Summary, string Slug, string FileName, long SizeBytes)
{
    public string TypeLabel => LegalDocumentTypes.Label(Type);

    public string Title => $"{TypeLabel} số {Number}";

    public string Url => DocumentUrls.Document(Id, Slug);

    public string DownloadUrl => DocumentUrls.File(Id);

    public string SizeText => VietnameseFormat.FileSize(SizeBytes);
}

/// <summary>The PDF of a document, ready to send.</summary>
public sealed record DocumentFile(string StoredPath, string FileName);

public sealed record DocumentAdminItem(int Id, LegalDocumentType Type, string Number, string Summary, string UnitName, DateOnly IssuedOn, string Slug)
{
    public string TypeLabel => LegalDocumentTypes.Label(Type);

    public string PublicUrl => DocumentUrls.Document(Id, Slug);

    public string EditUrl => DocumentUrls.Edit(Id);

    public string DeleteUrl => DocumentUrls.Delete(Id);
}

public sealed record DocumentAdminListViewModel(PagedList<DocumentAdminItem> Documents, bool CanCreate)
{
    public PagerViewModel Pager => PagerViewModel.For(Documents, p => AdminRoutes.Documents + "?page=" + p);
}

public sealed record DocumentFormViewModel(int? Id, DocumentInput Input, IReadOnlyList<Choice> Types, IReadOnlyList<Choice> Units, string? CurrentFile, long MaxFileBytes, IReadOnlyList<FieldError> Errors)
{
    public string PostUrl => Id is { } id ? DocumentUrls.Edit(id) : DocumentUrls.Create;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

/// <summary>What a save or delete did: done (with the message), refused (400 with errors), forbidden or not found.</summary>
public sealed record DocumentSaveResult(int Status, string Message, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Status == StatusCodes.Status200OK;

    public static DocumentSaveResult Done(string message) => new(StatusCodes.Status200OK, message, []);

    public static DocumentSaveResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(StatusCodes.Status400BadRequest, "Chưa lưu được: vui lòng sửa các ô được đánh dấu.", errors);

    public static readonly DocumentSaveResult Forbidden = new(StatusCodes.Status403Forbidden, "Bạn không phụ trách đơn vị của văn bản này.", []);

    public static readonly DocumentSaveResult NotFound = new(StatusCodes.Status404NotFound, "Không tìm thấy văn bản này.", []);
}

public static class DocumentUrls
{
    public const string Create = AdminRoutes.DocumentCreate;

    public static string Document(int id, string slug) => RouteLink.Fill(SiteRoutes.Document, ("id", id), ("slug", slug));

    public static string File(int id) => RouteLink.Fill(SiteRoutes.DocumentFile, ("id", id));

    public static string Edit(int id) => RouteLink.Fill(AdminRoutes.DocumentEdit, ("id", id));

    public static string Delete(int id) => RouteLink.Fill(AdminRoutes.DocumentDelete, ("id", id));

    /// <summary>The list with a filter, parameters in a fixed order and only those set (so the page cache keeps one copy).</summary>
    public static string List(DocumentFilter filter)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(DocumentQueryKeys.Q, filter.Q);
        Add(DocumentQueryKeys.Type, filter.Type);
        Add(DocumentQueryKeys.Unit, filter.Unit);
        Add(DocumentQueryKeys.Year, filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(DocumentQueryKeys.Page, filter.Page > 1 ? filter.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? SiteRoutes.Documents : SiteRoutes.Documents + "?" + string.Join('&', parts);
    }
}

/// <summary>The list's query-string names (Vietnamese, as the site's other addresses).</summary>
public static class DocumentQueryKeys
{
    public const string Q = "q";
    public const string Type = "loai";
    public const string Unit = "don-vi";
    public const string Year = "nam";
    public const string Page = "page";

    public static readonly string[] All = [Q, Type, Unit, Year, Page];
}
