using System.Globalization;
using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Admin;
using District5News.Web.Features.Agency;
using District5News.Web.Features.Api;
using District5News.Web.Features.Attachments;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Files;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Search;
using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Documents;

/// <summary>
/// The documents library: the public list (folded search, filters by type, unit with its predecessors, year), one
/// document, its PDF; and the back office's list, form and delete, each limited to the units the staff member acts for
/// (<see cref="StaffUnitAccess"/>). The PDF is told by its content (<see cref="DocumentFileInspector"/>) and stored with the
/// bulletin attachments (<see cref="ArticleAttachmentStore"/>). Every change is audited and announced with
/// <see cref="PublicContentChanges"/>.
/// </summary>
public sealed class LegalDocuments(
    NewsDbContext db, StaffUnitAccess access, UnitApiQueries units, ArticleAttachmentStore store, AuditLog audit,
    PublicContentChanges changes, IOptions<DocumentOptions> options, TimeProvider clock)
{
    private static readonly IReadOnlyCollection<DocumentKind> PdfOnly = [DocumentKind.Pdf];

    /// <summary>Every document that matches the filter, newest issue date first; or the Vietnamese reason the filter is wrong.</summary>
    public async Task<(DocumentListViewModel? Model, string? Error)> ListAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        var (query, error) = await FilterAsync(filter.Q, filter.Type, filter.Unit, filter.Year, cancellationToken);
        if (query is null)
        {
            return (null, error);
        }

        var page = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => new DocumentListItem(d.Id, d.Type, d.Number, d.Summary, d.Unit!.Name, d.IssuedOn, d.Slug))
            .ToPagedListAsync(filter.Page, options.Value.PageSize, cancellationToken);
        var issued = await db.LegalDocuments.AsNoTracking().Select(d => d.IssuedOn).Distinct().ToListAsync(cancellationToken);
        var years = issued.Select(d => d.Year).Distinct().OrderDescending().ToList();
        var unitChoices = await db.PublishingUnits.AsNoTracking()
            .Where(u => db.LegalDocuments.Any(d => d.UnitId == u.Id) || u.ActiveUntil == null)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new Choice(u.Slug, u.Name)).ToListAsync(cancellationToken);
        var types = LegalDocumentTypes.All.Select(t => new Choice(LegalDocumentTypes.Key(t), LegalDocumentTypes.Label(t))).ToList();
        return (new DocumentListViewModel(filter, page, types, unitChoices, years), null);
    }

    /// <summary>
    /// The documents a filter names, for the site and the web service: q (folded words, each must start a word),
    /// type key, unit slug (a ward includes the former wards merged into it), year of issue.
    /// </summary>
    public async Task<(IQueryable<LegalDocument>? Query, string? Error)> FilterAsync(
        string? q, string? type, string? unit, int? year, CancellationToken cancellationToken)
    {
        var query = db.LegalDocuments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (!SearchQuery.TryParse(q, out var search, out var error))
            {
                return (null, error);
            }

            foreach (var word in search!.Words)
            {
                var pattern = " " + word;
                query = query.Where(d => d.SearchText.Contains(pattern));
            }
        }

        if (!string.IsNullOrEmpty(type))
        {
            if (LegalDocumentTypes.FromKey(type) is not { } found)
            {
                return (null, $"Không có loại văn bản “{type}”. Hãy chọn loại trong danh sách.");
            }

            query = query.Where(d => d.Type == found);
        }

        if (!string.IsNullOrEmpty(unit))
        {
            if (await units.LineageAsync(unit, cancellationToken) is not { } unitIds)
            {
                return (null, $"Không có đơn vị nào mang mã “{unit}”.");
            }

            query = query.Where(d => unitIds.Contains(d.UnitId));
        }

        if (year is { } y)
        {
            if (y is < 1900 or > 2200)
            {
                return (null, "Năm ban hành phải là một năm có bốn chữ số, ví dụ 2025.");
            }

            var first = new DateOnly(y, 1, 1);
            var next = first.AddYears(1);
            query = query.Where(d => d.IssuedOn >= first && d.IssuedOn < next);
        }

        return (query, null);
    }

    public async Task<DocumentPageViewModel?> GetAsync(int id, CancellationToken cancellationToken) =>
        await db.LegalDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentPageViewModel(d.Id, d.Type, d.Number, d.Unit!.Name, d.Unit.Slug, d.IssuingBody, d.Signer,
                d.IssuedOn, d.EffectiveOn, d.Summary, d.Slug, d.FileName, d.SizeBytes))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<DocumentFile?> FindFileAsync(int id, CancellationToken cancellationToken) =>
        await db.LegalDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentFile(d.StoredPath, d.FileName)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The back office's list: the documents of the units this user acts for (all, for an administrator).</summary>
    public async Task<DocumentAdminListViewModel> AdminListAsync(ClaimsPrincipal user, int page, CancellationToken cancellationToken)
    {
        var allowed = await access.UnitIdsAsync(user, cancellationToken);
        var query = db.LegalDocuments.AsNoTracking();
        if (allowed is not null)
        {
            query = query.Where(d => allowed.Contains(d.UnitId));
        }

        var list = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => new DocumentAdminItem(d.Id, d.Type, d.Number, d.Summary, d.Unit!.Name, d.IssuedOn, d.Slug))
            .ToPagedListAsync(page, 50, cancellationToken);
        return new DocumentAdminListViewModel(list, allowed is null || allowed.Count > 0);
    }

    /// <summary>The form, empty (id null), filled from the document, or as typed with its errors; null when not found.</summary>
    public async Task<(DocumentFormViewModel? Form, DocumentSaveResult? Refused)> GetFormAsync(
        ClaimsPrincipal user, int? id, DocumentInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        string? currentFile = null;
        if (id is { } documentId)
        {
            var document = await db.LegalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
            if (document is null)
            {
                return (null, DocumentSaveResult.NotFound);
            }

            if (!await access.CanActForAsync(user, document.UnitId, cancellationToken))
            {
                return (null, DocumentSaveResult.Forbidden);
            }

            currentFile = document.FileName;
            input ??= new DocumentInput
            {
                Type = LegalDocumentTypes.Key(document.Type), Number = document.Number, Unit = document.UnitId.ToString(CultureInfo.InvariantCulture),
                IssuingBody = document.IssuingBody, Signer = document.Signer, IssuedOn = document.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EffectiveOn = document.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Summary = document.Summary,
            };
        }

        var unitChoices = await UnitChoicesAsync(user, cancellationToken);
        input ??= new DocumentInput { Unit = unitChoices.Count == 1 ? unitChoices[0].Value : null, Type = LegalDocumentTypes.Key(LegalDocumentType.Decision) };
        var types = LegalDocumentTypes.All.Select(t => new Choice(LegalDocumentTypes.Key(t), LegalDocumentTypes.Label(t))).ToList();
        return (new DocumentFormViewModel(id, input, types, unitChoices, currentFile, options.Value.MaxFileBytes, errors ?? []), null);
    }

    public async Task<DocumentSaveResult> CreateAsync(ClaimsPrincipal user, DocumentInput input, CancellationToken cancellationToken)
    {
        var (value, errors) = await CheckAsync(user, input, requireFile: true, cancellationToken);
        if (value is null)
        {
            return DocumentSaveResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var storedPath = await store.SaveAsync(input.File!, cancellationToken);
        var document = new LegalDocument
        {
            Number = value.Number, IssuingBody = value.IssuingBody, Signer = value.Signer, Summary = value.Summary, Slug = string.Empty,
            FileName = ArticleAttachmentStore.DownloadName(input.File!.FileName, DocumentKind.Pdf), StoredPath = storedPath,
            SizeBytes = input.File.Length, CreatedAtUtc = now, UpdatedAtUtc = now, UpdatedBy = user.Identity?.Name,
        };
        Apply(document, value);
        db.LegalDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(storedPath);
            throw;
        }

        await audit.WriteAsync(AuditActions.DocumentCreated, AuditTargets.Document, Id(document.Id), Describe(document), cancellationToken: cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Document, Id(document.Id), "created"));
        return DocumentSaveResult.Done($"Đã thêm {Describe(document)}.");
    }

    public async Task<DocumentSaveResult> UpdateAsync(ClaimsPrincipal user, int id, DocumentInput input, CancellationToken cancellationToken)
    {
        var document = await db.LegalDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return DocumentSaveResult.NotFound;
        }

        if (!await access.CanActForAsync(user, document.UnitId, cancellationToken))
        {
            return DocumentSaveResult.Forbidden;
        }

        var (value, errors) = await CheckAsync(user, input, requireFile: false, cancellationToken);
        if (value is null)
        {
            return DocumentSaveResult.Invalid(errors);
        }

        string? oldFile = null;
        string? newFile = null;
        if (input.File is { Length: > 0 } file)
        {
            newFile = await store.SaveAsync(file, cancellationToken);
            oldFile = document.StoredPath;
            document.StoredPath = newFile;
            document.FileName = ArticleAttachmentStore.DownloadName(file.FileName, DocumentKind.Pdf);
            document.SizeBytes = file.Length;
        }

        Apply(document, value);
        document.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        document.UpdatedBy = user.Identity?.Name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (newFile is not null)
            {
                store.Delete(newFile);
            }

            throw;
        }

        if (oldFile is not null)
        {
            store.Delete(oldFile);
        }

        await audit.WriteAsync(AuditActions.DocumentEdited, AuditTargets.Document, Id(id), Describe(document), cancellationToken: cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Document, Id(id), "edited"));
        return DocumentSaveResult.Done($"Đã lưu {Describe(document)}.");
    }

    /// <summary>The page that asks before deleting, or why it cannot be shown.</summary>
    public async Task<(ConfirmActionViewModel? Confirm, DocumentSaveResult? Refused)> ConfirmDeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var document = await db.LegalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return (null, DocumentSaveResult.NotFound);
        }

        if (!await access.CanActForAsync(user, document.UnitId, cancellationToken))
        {
            return (null, DocumentSaveResult.Forbidden);
        }

        return (new ConfirmActionViewModel(
            "Xóa văn bản?", $"{Describe(document)}: {document.Summary}",
            ["Văn bản và tệp PDF bị xóa hẳn, không khôi phục được.", "Người dân không còn thấy văn bản trên trang Văn bản."],
            DocumentUrls.Delete(id), "Xóa văn bản", AdminRoutes.Documents, "Không xóa, quay lại"), null);
    }

    public async Task<DocumentSaveResult> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var document = await db.LegalDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return DocumentSaveResult.NotFound;
        }

        if (!await access.CanActForAsync(user, document.UnitId, cancellationToken))
        {
            return DocumentSaveResult.Forbidden;
        }

        db.LegalDocuments.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(document.StoredPath);
        await audit.WriteAsync(AuditActions.DocumentDeleted, AuditTargets.Document, Id(id), Describe(document), cancellationToken: cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Document, Id(id), "deleted"));
        return DocumentSaveResult.Done($"Đã xóa {Describe(document)}.");
    }

    private async Task<List<Choice>> UnitChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var allowed = await access.UnitIdsAsync(user, cancellationToken);
        var query = db.PublishingUnits.AsNoTracking();
        if (allowed is not null)
        {
            query = query.Where(u => allowed.Contains(u.Id));
        }

        return await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new Choice(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
    }

    private sealed record CheckedDocument(LegalDocumentType Type, string Number, int UnitId, string IssuingBody, string Signer, DateOnly IssuedOn, DateOnly? EffectiveOn, string Summary);

    private async Task<(CheckedDocument? Value, IReadOnlyList<FieldError> Errors)> CheckAsync(
        ClaimsPrincipal user, DocumentInput input, bool requireFile, CancellationToken cancellationToken)
    {
        var check = new FieldCheck();
        var type = LegalDocumentTypes.FromKey(FieldCheck.Line(input.Type));
        if (type is null)
        {
            check.Add(nameof(input.Type), "Vui lòng chọn loại văn bản.");
        }

        var number = check.Required(nameof(input.Number), "số, ký hiệu văn bản", input.Number, DocumentLimits.Number);
        var issuingBody = check.Required(nameof(input.IssuingBody), "cơ quan ban hành", input.IssuingBody, DocumentLimits.IssuingBody);
        var signer = check.Required(nameof(input.Signer), "người ký", input.Signer, DocumentLimits.Signer);
        var summary = check.Required(nameof(input.Summary), "trích yếu", input.Summary, DocumentLimits.Summary);
        var issuedOn = ReadDate(check, nameof(input.IssuedOn), "Ngày ban hành", input.IssuedOn, required: true);
        var effectiveOn = ReadDate(check, nameof(input.EffectiveOn), "Ngày có hiệu lực", input.EffectiveOn, required: false);
        if (issuedOn is { } issued && effectiveOn is { } effective && effective < issued)
        {
            check.Add(nameof(input.EffectiveOn), "Ngày có hiệu lực không được trước ngày ban hành.");
        }

        int? unitId = int.TryParse(FieldCheck.Line(input.Unit), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (unitId is null || !await db.PublishingUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            check.Add(nameof(input.Unit), "Vui lòng chọn đơn vị ban hành.");
        }
        else if (!await access.CanActForAsync(user, unitId.Value, cancellationToken))
        {
            check.Add(nameof(input.Unit), "Bạn chỉ được đăng văn bản của đơn vị mình phụ trách.");
        }

        if (input.File is { } file && (file.Length > 0 || file.FileName.Length > 0))
        {
            var inspection = await DocumentFileInspector.InspectAsync(file, PdfOnly, options.Value.MaxFileBytes, cancellationToken);
            if (!inspection.Accepted)
            {
                check.Add(nameof(input.File), inspection.Error!);
            }
        }
        else if (requireFile)
        {
            check.Add(nameof(input.File), "Vui lòng chọn tệp PDF của văn bản.");
        }
        else
        {
            input.File = null;
        }

        if (!check.IsValid)
        {
            if (check.Errors.All(e => e.Field != nameof(input.File)) && input.File is not null)
            {
                check.Add(nameof(input.File), "Tệp chưa được lưu vì biểu mẫu còn lỗi: vui lòng chọn lại tệp khi lưu.");
            }

            return (null, check.Errors);
        }

        return (new CheckedDocument(type!.Value, number, unitId!.Value, issuingBody, signer, issuedOn!.Value, effectiveOn, summary), []);
    }

    private static DateOnly? ReadDate(FieldCheck check, string field, string label, string? value, bool required)
    {
        var text = FieldCheck.Line(value);
        if (text.Length == 0)
        {
            if (required)
            {
                check.Add(field, $"Vui lòng nhập {label.ToLowerInvariant()}.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            return day;
        }

        check.Add(field, $"{label} không hợp lệ: nhập ngày dạng ngày/tháng/năm, ví dụ 15/07/2025.");
        return null;
    }

    private static void Apply(LegalDocument document, CheckedDocument value)
    {
        document.Type = value.Type;
        document.Number = value.Number;
        document.UnitId = value.UnitId;
        document.IssuingBody = value.IssuingBody;
        document.Signer = value.Signer;
        document.IssuedOn = value.IssuedOn;
        document.EffectiveOn = value.EffectiveOn;
        document.Summary = value.Summary;
        document.RefreshDerived();
    }

    private static string Describe(LegalDocument document) => $"{LegalDocumentTypes.Label(document.Type)} số {document.Number}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
