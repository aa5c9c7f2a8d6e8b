using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Agency;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Procedures;

/// <summary>The form that adds or edits a link.</summary>
public sealed class ProcedureLinkInput
{
    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Group { get; set; }

    public string? SortOrder { get; set; }

    public string? Description { get; set; }
}

public sealed record ProcedureLinkView(int Id, string Title, string Url, string Group, int SortOrder, string? Description)
{
    /// <summary>The site the link leads to, shown beside it so residents see they are leaving the portal.</summary>
    public string Host => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Host : Url;

    public string EditUrl => ProcedureUrls.Edit(Id);

    public string DeleteUrl => ProcedureUrls.Delete(Id);
}

public sealed record ProcedureGroup(string Name, IReadOnlyList<ProcedureLinkView> Links);

public sealed record ProcedurePageViewModel(IReadOnlyList<ProcedureGroup> Groups);

public sealed record ProcedureAdminViewModel(IReadOnlyList<ProcedureLinkView> Links, ProcedureLinkInput NewLink, IReadOnlyList<FieldError> Errors)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

public sealed record ProcedureEditViewModel(int Id, ProcedureLinkInput Input, IReadOnlyList<FieldError> Errors)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

public static class ProcedureUrls
{
    public const string Public = SiteRoutes.Procedures;
    public const string List = AdminRoutes.Procedures;
    public const string Create = AdminRoutes.ProcedureCreate;

    public static string Edit(int id) => RouteLink.Fill(AdminRoutes.ProcedureEdit, ("id", id));

    public static string Delete(int id) => RouteLink.Fill(AdminRoutes.ProcedureDelete, ("id", id));
}

/// <summary>
/// The administrative procedure links (/thu-tuc-hanh-chinh): read for residents grouped in order, managed by
/// administrators; every change is audited and announced with <see cref="PublicContentChanges"/>.
/// </summary>
public sealed class ProcedureLinks(NewsDbContext db, AuditLog audit, PublicContentChanges changes)
{
    public async Task<ProcedurePageViewModel> GetPageAsync(CancellationToken cancellationToken)
    {
        var links = await AllAsync(cancellationToken);
        var groups = links.GroupBy(l => l.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Min(l => l.SortOrder)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProcedureGroup(g.Key, g.ToList())).ToList();
        return new ProcedurePageViewModel(groups);
    }

    public async Task<ProcedureAdminViewModel> GetAdminAsync(ProcedureLinkInput? newLink, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        var links = await AllAsync(cancellationToken);
        newLink ??= new ProcedureLinkInput
        {
            Group = links.LastOrDefault()?.Group,
            SortOrder = ((links.Count == 0 ? 0 : links.Max(l => l.SortOrder)) + 10).ToString(CultureInfo.InvariantCulture),
        };
        return new ProcedureAdminViewModel(links, newLink, errors ?? []);
    }

    public async Task<ProcedureEditViewModel?> GetEditAsync(int id, ProcedureLinkInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            var link = await db.ProcedureLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (link is null)
            {
                return null;
            }

            input = new ProcedureLinkInput
            {
                Title = link.Title, Url = link.Url, Group = link.Group, Description = link.Description,
                SortOrder = link.SortOrder.ToString(CultureInfo.InvariantCulture),
            };
        }
        else if (!await db.ProcedureLinks.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return null;
        }

        return new ProcedureEditViewModel(id, input, errors ?? []);
    }

    public async Task<AgencySaveResult> CreateAsync(ProcedureLinkInput input, CancellationToken cancellationToken)
    {
        var checkedInput = Check(input);
        if (checkedInput.Errors is { } errors)
        {
            return AgencySaveResult.Invalid(errors);
        }

        var value = checkedInput.Value!;

        var link = new ProcedureLink { Title = value.Title, Url = value.Url, Group = value.Group, SortOrder = value.SortOrder, Description = value.Description };
        db.ProcedureLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ProcedureLinkCreated, AuditTargets.ProcedureLink, Id(link.Id), $"{link.Title} ({link.Url})", cancellationToken: cancellationToken);
        await PublishAsync(link.Id, "created");
        return AgencySaveResult.Done($"Đã thêm liên kết “{link.Title}”.");
    }

    public async Task<AgencySaveResult> UpdateAsync(int id, ProcedureLinkInput input, CancellationToken cancellationToken)
    {
        var link = await db.ProcedureLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return AgencySaveResult.NotFound("Không tìm thấy liên kết này.");
        }

        var checkedInput = Check(input);
        if (checkedInput.Errors is { } errors)
        {
            return AgencySaveResult.Invalid(errors);
        }

        var value = checkedInput.Value!;
        var before = $"{link.Title} ({link.Url})";
        link.Title = value.Title;
        link.Url = value.Url;
        link.Group = value.Group;
        link.SortOrder = value.SortOrder;
        link.Description = value.Description;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ProcedureLinkEdited, AuditTargets.ProcedureLink, Id(id), $"{before} → {link.Title} ({link.Url})", cancellationToken: cancellationToken);
        await PublishAsync(id, "edited");
        return AgencySaveResult.Done($"Đã lưu liên kết “{link.Title}”.");
    }

    public async Task<AgencySaveResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var link = await db.ProcedureLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return AgencySaveResult.NotFound("Không tìm thấy liên kết này.");
        }

        db.ProcedureLinks.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ProcedureLinkDeleted, AuditTargets.ProcedureLink, Id(id), $"{link.Title} ({link.Url})", cancellationToken: cancellationToken);
        await PublishAsync(id, "deleted");
        return AgencySaveResult.Done($"Đã xóa liên kết “{link.Title}”.");
    }

    private async Task<List<ProcedureLinkView>> AllAsync(CancellationToken cancellationToken) =>
        await db.ProcedureLinks.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new ProcedureLinkView(l.Id, l.Title, l.Url, l.Group, l.SortOrder, l.Description)).ToListAsync(cancellationToken);

    private sealed record CheckedLink(string Title, string Url, string Group, int SortOrder, string? Description);

    private static (CheckedLink? Value, IReadOnlyList<FieldError>? Errors) Check(ProcedureLinkInput input)
    {
        var check = new FieldCheck();
        var title = check.Required(nameof(input.Title), "tiêu đề liên kết", input.Title, AgencyLimits.LinkTitle);
        var url = check.Url(nameof(input.Url), input.Url);
        var group = check.Required(nameof(input.Group), "nhóm", input.Group, AgencyLimits.Group);
        var description = check.Optional(nameof(input.Description), "mô tả", input.Description, AgencyLimits.LinkDescription);
        var orderText = FieldCheck.Line(input.SortOrder);
        var order = 0;
        if (orderText.Length > 0 && !(int.TryParse(orderText, NumberStyles.Integer, CultureInfo.InvariantCulture, out order) && order is >= 0 and <= 100_000))
        {
            check.Add(nameof(input.SortOrder), "Thứ tự là một số nguyên từ 0 đến 100.000 (số nhỏ đứng trước).");
        }

        return check.IsValid ? (new CheckedLink(title, url, group, order, description), null) : (null, check.Errors);
    }

    private Task PublishAsync(int id, string reason) => changes.PublishAsync(new ContentChange(ContentTypes.ProcedureLink, Id(id), reason));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
