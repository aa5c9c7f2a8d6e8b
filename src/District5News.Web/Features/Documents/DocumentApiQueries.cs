using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Api;
using District5News.Web.Features.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Documents;

/// <summary>The query string of <c>GET /api/v1/documents</c>, as sent.</summary>
public sealed class DocumentListParameters
{
    public const string UnitParameter = "unit";
    public const string TypeParameter = "type";
    public const string YearParameter = "year";
    public const string QParameter = "q";

    public static readonly string[] QueryKeys = [ApiPaging.PageParameter, ApiPaging.PageSizeParameter, UnitParameter, TypeParameter, YearParameter, QParameter];

    [FromQuery(Name = ApiPaging.PageParameter)]
    [Description("Page number, from 1 (default 1).")]
    [Range(1, PageRequest.MaxPage)]
    public int? Page { get; init; }

    [FromQuery(Name = ApiPaging.PageSizeParameter)]
    [Description("Documents per page, 1 to 100 (default 20).")]
    [Range(1, ApiPaging.MaxPageSize)]
    public int? PageSize { get; init; }

    [FromQuery(Name = UnitParameter)]
    [Description("A publishing unit's slug (see /api/v1/units); a ward includes the former wards merged into it.")]
    public string? Unit { get; init; }

    [FromQuery(Name = TypeParameter)]
    [Description("The type's key: quyet-dinh, nghi-quyet, ke-hoach, thong-bao, cong-van, bao-cao, chi-thi, huong-dan, khac.")]
    public string? Type { get; init; }

    [FromQuery(Name = YearParameter)]
    [Description("Year of issue, e.g. 2025.")]
    public int? Year { get; init; }

    [FromQuery(Name = QParameter)]
    [Description("Words of the number, summary, issuing body or signer; tone marks and case do not matter.")]
    public string? Q { get; init; }
}

[Description("A document of the library.")]
public sealed record ApiDocument(
    [property: JsonPropertyName("id"), Description("The document's number in the portal.")] int Id,
    [property: JsonPropertyName("type"), Description("The type's key (see the type filter).")] string Type,
    [property: JsonPropertyName("typeName"), Description("The type in Vietnamese, e.g. \"Quyết định\".")] string TypeName,
    [property: JsonPropertyName("number"), Description("Number and symbol, e.g. \"125/QĐ-UBND\".")] string Number,
    [property: JsonPropertyName("unit"), Description("The publishing unit it belongs to.")] ApiUnitRef Unit,
    [property: JsonPropertyName("issuingBody"), Description("The issuing body as written on the document.")] string IssuingBody,
    [property: JsonPropertyName("signer"), Description("Who signed it.")] string Signer,
    [property: JsonPropertyName("issuedOn"), Description("Date of issue, yyyy-MM-dd.")] DateOnly IssuedOn,
    [property: JsonPropertyName("effectiveOn"), Description("Date it takes effect, yyyy-MM-dd, or null when not recorded.")] DateOnly? EffectiveOn,
    [property: JsonPropertyName("summary"), Description("Trích yếu: what the document is about.")] string Summary,
    [property: JsonPropertyName("url"), Description("The document's page on the portal (absolute).")] string Url,
    [property: JsonPropertyName("fileUrl"), Description("The PDF's absolute address (a download).")] string FileUrl,
    [property: JsonPropertyName("fileSize"), Description("The PDF's size in bytes.")] long FileSize);

/// <summary>The documents of the web service, through the same filter as the site's list.</summary>
public sealed class DocumentApiQueries(LegalDocuments documents, Data.NewsDbContext db)
{
    public async Task<ApiOutcome<ApiPage<ApiDocument>>> ListAsync(
        DocumentListParameters parameters, ModelStateDictionary modelState, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var errors = new ApiErrors();
        var page = ApiPaging.Read(parameters.Page, parameters.PageSize, modelState, errors);
        if (modelState.TryGetValue(DocumentListParameters.YearParameter, out var yearEntry) && yearEntry.Errors.Count > 0)
        {
            errors.Add(DocumentListParameters.YearParameter, "Năm (year) phải là một số nguyên, ví dụ 2025.");
        }

        if (errors.Any || page is null)
        {
            return ApiOutcome.Refused<ApiPage<ApiDocument>>(errors);
        }

        var (query, error) = await documents.FilterAsync(parameters.Q, Blank(parameters.Type), Blank(parameters.Unit)?.ToLowerInvariant(), parameters.Year, cancellationToken);
        if (query is null)
        {
            errors.Add("filter", error!);
            return ApiOutcome.Refused<ApiPage<ApiDocument>>(errors);
        }

        var rows = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Select(Row).ToApiPageAsync(page, cancellationToken);
        return ApiOutcome.Found(new ApiPage<ApiDocument>(rows.Page, rows.PageSize, rows.TotalItems, rows.TotalPages, [.. rows.Items.Select(r => Map(r, absolute))]));
    }

    public async Task<(ApiDocument Document, DateTime ModifiedUtc)?> GetAsync(int id, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var row = await db.LegalDocuments.AsNoTracking().Where(d => d.Id == id).Select(Row).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (Map(row, absolute), row.UpdatedAtUtc);
    }

    private static readonly System.Linq.Expressions.Expression<Func<LegalDocument, DocumentRow>> Row = d => new DocumentRow(
        d.Id, d.Type, d.Number, d.Unit!.Slug, d.Unit.Name, d.IssuingBody, d.Signer, d.IssuedOn, d.EffectiveOn, d.Summary, d.Slug, d.SizeBytes, d.UpdatedAtUtc);

    private static ApiDocument Map(DocumentRow r, Func<string, string> absolute) => new(
        r.Id, LegalDocumentTypes.Key(r.Type), LegalDocumentTypes.Label(r.Type), r.Number, new ApiUnitRef(r.UnitSlug, r.UnitName),
        r.IssuingBody, r.Signer, r.IssuedOn, r.EffectiveOn, r.Summary, absolute(DocumentUrls.Document(r.Id, r.Slug)), absolute(DocumentUrls.File(r.Id)), r.SizeBytes);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record DocumentRow(
        int Id, LegalDocumentType Type, string Number, string UnitSlug, string UnitName, string IssuingBody, string Signer,
        DateOnly IssuedOn, DateOnly? EffectiveOn, string Summary, string Slug, long SizeBytes, DateTime UpdatedAtUtc);
}
