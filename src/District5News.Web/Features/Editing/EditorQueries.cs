using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Units;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>The back office's reads of bulletins: the list, the form, the history and the trash.</summary>
public sealed class EditorQueries(NewsDbContext db, UnitDirectory units, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>The datetime-local form of a UTC instant, in Vietnam time.</summary>
    public static string ToInputValue(DateTime utc) =>
        VietnamTime.ToVietnam(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<CategoryOption>> GetCategoriesAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// <summary>The units <paramref name="scope"/> lets the user publish for: current wards first, then the archive and the old wards.</summary>
    public async Task<IReadOnlyList<UnitOption>> GetUnitOptionsAsync(UnitScope scope, CancellationToken cancellationToken) =>
        (await units.GetAsync(cancellationToken)).All.Where(u => scope.Allows(u.Id))
            .OrderBy(u => u.IsCurrent ? 0 : 1).ThenBy(u => u.SortOrder)
            .Select(u => new UnitOption(u.Id, u.Name, u.IsCurrent)).ToList();

    /// <summary>The bulletins of the units in <paramref name="scope"/> (filtered in the query), filtered and paged.</summary>
    public async Task<ArticleAdminListViewModel> GetListAsync(ArticleListFilter filter, int page, UnitScope scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = scope.Filter(db.Articles.AsNoTracking());
        var query = mine.Where(a => a.DeletedAtUtc == null);
        switch (EditorStates.Parse(filter.Status))
        {
            case EditorState.Draft:
                query = query.Where(a => a.Status == ArticleStatus.Draft);
                break;
            case EditorState.Published:
                query = query.Where(ArticleVisibility.VisibleAt(now));
                break;
            case EditorState.Scheduled:
                query = query.Where(ArticleVisibility.ScheduledAt(now));
                break;
            case EditorState.Unpublished:
                query = query.Where(a => a.Status == ArticleStatus.Unpublished);
                break;
            default:
                filter.Status = null;
                break;
        }

        if (filter.Category is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(filter.Author))
        {
            query = query.Where(a => a.AuthorId == filter.Author);
        }

        if (filter.Unit is { } unitId)
        {
            query = query.Where(a => a.UnitId == unitId);
        }

        // SearchTitle holds the folded title, so "tuyen giao" or "TUYÊN" finds "Tuyên giáo"; every word must be in the title.
        foreach (var word in VietnameseText.SearchForm(filter.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10))
        {
            query = query.Where(a => a.SearchTitle.Contains(word));
        }

        var articles = await query
            .OrderByDescending(a => a.PublishedAtUtc ?? a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, CategoryName = a.Category!.Name, a.AuthorName, a.Status, a.PublishedAtUtc,
                a.UpdatedAtUtc, a.UpdatedBy, UnitName = a.Unit!.Name,
            })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        var rows = articles.Items
            .Select(a => new ArticleAdminRow(a.Id, a.Title, a.Slug, a.CategoryName, a.AuthorName, EditorStates.Of(a.Status, a.PublishedAtUtc, now),
                a.PublishedAtUtc, a.UpdatedAtUtc, a.UpdatedBy, a.UnitName))
            .ToList();

        var authors = await mine.Where(a => a.AuthorId != null)
            .Select(a => new { a.AuthorId, a.AuthorName }).Distinct().ToListAsync(cancellationToken);
        var inTrash = await mine.CountAsync(a => a.DeletedAtUtc != null, cancellationToken);
        return new ArticleAdminListViewModel(
            new PagedList<ArticleAdminRow>(rows, articles.PageNumber, articles.PageSize, articles.TotalItemCount),
            filter,
            await GetCategoriesAsync(cancellationToken),
            authors.GroupBy(a => a.AuthorId!).Select(g => new AuthorOption(g.Key, g.First().AuthorName ?? g.Key)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
            inTrash)
        {
            Units = await GetUnitOptionsAsync(scope, cancellationToken),
            HasNoUnit = scope.IsEmpty,
        };
    }

    /// <param name="userId">The signed-in staff member, whose display name a new bulletin is signed with by default.</param>
    /// <param name="scope">The units the user may publish for; the first is chosen for the new bulletin.</param>
    public async Task<ArticleFormViewModel> GetNewFormAsync(string? userId, UnitScope scope, CancellationToken cancellationToken)
    {
        var unitOptions = await GetUnitOptionsAsync(scope, cancellationToken);
        return new()
        {
            Input = new ArticleEditInput { UnitId = unitOptions.Count > 0 ? unitOptions[0].Id : null },
            Categories = await GetCategoriesAsync(cancellationToken),
            Units = unitOptions,
            AuthorDisplayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken),
        };
    }

    /// <summary>The form of a bulletin not in the trash, filled with its saved values; null when there is none.</summary>
    public async Task<ArticleFormViewModel?> GetEditFormAsync(int id, UnitScope scope, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => new
            {
                a.Id, a.Version, a.Title, a.CategoryId, a.UnitId, a.Lead, a.BodyHtml, a.Status, a.PublishedAtUtc, a.ByNewsroom,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        return await GetFormAsync(id, article.Version, new ArticleEditInput
        {
            Title = article.Title,
            CategoryId = article.CategoryId,
            UnitId = article.UnitId,
            Lead = article.Lead,
            Body = article.BodyHtml,
            PublishAt = article.PublishedAtUtc is { } publishAt ? ToInputValue(publishAt) : null,
            ByNewsroom = article.ByNewsroom,
        }, conflict: null, scope, cancellationToken);
    }

    /// <summary>The form for <paramref name="input"/> as the user typed it, around the bulletin's saved state.</summary>
    public async Task<ArticleFormViewModel> GetFormAsync(
        int? id, Guid? version, ArticleEditInput input, ConflictViewModel? conflict, UnitScope scope, CancellationToken cancellationToken)
    {
        ArticleFormState? saved = null;
        string? authorDisplayName = null;
        if (id is { } articleId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new
                {
                    a.Slug, a.Status, a.PublishedAtUtc, a.CoverImagePath, a.CreatedAtUtc, a.AuthorName, a.UpdatedAtUtc, a.UpdatedBy,
                    a.DeletedAtUtc, Revisions = db.ArticleRevisions.Count(r => r.ArticleId == a.Id),
                    AuthorDisplayName = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (article is not null)
            {
                var state = EditorStates.Of(article.Status, article.PublishedAtUtc, now);
                saved = new ArticleFormState(
                    state,
                    article.PublishedAtUtc,
                    state == EditorState.Published && article.DeletedAtUtc is null ? ArticleUrls.Article(articleId, article.Slug) : null,
                    article.CoverImagePath,
                    article.CreatedAtUtc,
                    article.AuthorName,
                    article.UpdatedAtUtc,
                    article.UpdatedBy,
                    article.Revisions);
                authorDisplayName = article.AuthorDisplayName;
            }
        }

        return new ArticleFormViewModel
        {
            Id = id,
            Version = version,
            Input = input,
            Categories = await GetCategoriesAsync(cancellationToken),
            Units = await GetUnitOptionsAsync(scope, cancellationToken),
            Saved = saved,
            Conflict = conflict,
            AuthorDisplayName = authorDisplayName,
        };
    }

    /// <summary>The form again with what the user typed, beside the version someone else saved; null when the bulletin is gone.</summary>
    public async Task<ArticleFormViewModel?> GetConflictFormAsync(int id, ArticleEditInput input, bool coverDropped, UnitScope scope, CancellationToken cancellationToken)
    {
        if (await GetConflictAsync(id, coverDropped, cancellationToken) is not var (conflict, version))
        {
            return null;
        }

        return await GetFormAsync(id, version, input, conflict, scope, cancellationToken);
    }

    /// <summary>The version someone else saved, for the conflict panel.</summary>
    public async Task<(ConflictViewModel Conflict, Guid Version)?> GetConflictAsync(int id, bool coverWasDropped, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Version, a.UpdatedBy, a.AuthorName, a.UpdatedAtUtc, a.DeletedAtUtc, a.Title, CategoryName = a.Category!.Name, a.Lead,
                a.BodyHtml, a.Status, a.PublishedAtUtc,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var savedBy = article.UpdatedBy ?? article.AuthorName;
        if (article.DeletedAtUtc is not null)
        {
            // Moving to the trash does not make a new version, so the audit log is what remembers who did it.
            var target = id.ToString(CultureInfo.InvariantCulture);
            savedBy = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditActions.ArticleDeleted && e.TargetType == AuditTargets.Article && e.TargetId == target)
                .OrderByDescending(e => e.Id).Select(e => e.UserName).FirstOrDefaultAsync(cancellationToken) ?? savedBy;
        }

        return (new ConflictViewModel(
            savedBy ?? "một cán bộ khác",
            article.DeletedAtUtc ?? article.UpdatedAtUtc,
            article.DeletedAtUtc is not null,
            article.Title,
            article.CategoryName,
            article.Lead,
            article.BodyHtml,
            EditorStates.Of(article.Status, article.PublishedAtUtc, now),
            coverWasDropped), article.Version);
    }

    public async Task<ArticleHistoryViewModel?> GetHistoryAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => new { a.Title, a.UpdatedAtUtc, a.UpdatedBy, a.AuthorName, a.Status, a.PublishedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.SavedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.SavedAtUtc, r.SavedBy, r.Status, r.PublishedAtUtc, r.Note })
            .ToListAsync(cancellationToken);
        return new ArticleHistoryViewModel(
            id,
            article.Title,
            article.UpdatedAtUtc,
            article.UpdatedBy ?? article.AuthorName,
            EditorStates.Of(article.Status, article.PublishedAtUtc, now),
            revisions.Select(r => new RevisionRow(r.Id, r.Title, r.SavedAtUtc, r.SavedBy, EditorStates.Of(r.Status, r.PublishedAtUtc, now), r.Note)).ToList());
    }

    public async Task<RevisionViewModel?> GetRevisionAsync(int id, int revisionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var currentTitle = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
        if (currentTitle is null)
        {
            return null;
        }

        var revision = await db.ArticleRevisions.AsNoTracking().Where(r => r.Id == revisionId && r.ArticleId == id)
            .Select(r => new
            {
                r.Title, r.Lead, r.BodyHtml, r.CoverImagePath, r.Status, r.PublishedAtUtc, r.SavedAtUtc, r.SavedBy,
                CategoryName = db.Categories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return revision is null
            ? null
            : new RevisionViewModel(id, currentTitle, revisionId, revision.Title, revision.CategoryName ?? string.Empty, revision.Lead, revision.BodyHtml,
                revision.CoverImagePath, EditorStates.Of(revision.Status, revision.PublishedAtUtc, now), revision.PublishedAtUtc, revision.SavedAtUtc, revision.SavedBy);
    }

    /// <summary>The trash of the units in <paramref name="scope"/> (an administrator's: all of it).</summary>
    public async Task<TrashViewModel> GetTrashAsync(int page, bool canPurge, UnitScope scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var trash = scope.Filter(db.Articles.AsNoTracking()).Where(a => a.DeletedAtUtc != null);
        var list = await trash
            .OrderByDescending(a => a.DeletedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, CategoryName = a.Category!.Name, DeletedAtUtc = a.DeletedAtUtc!.Value, a.AuthorName, a.Status, a.PublishedAtUtc,
                UnitName = a.Unit!.Name,
            })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        var rows = list.Items
            .Select(a => new TrashRow(a.Id, a.Title, a.CategoryName, a.DeletedAtUtc, a.AuthorName, EditorStates.Of(a.Status, a.PublishedAtUtc, now), a.UnitName))
            .ToList();

        // Emptying the trash is the administrator's, over all of it; the newest deletion is read from everything.
        var newest = await db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc != null).MaxAsync(a => a.DeletedAtUtc, cancellationToken);
        return new TrashViewModel(new PagedList<TrashRow>(rows, list.PageNumber, list.PageSize, list.TotalItemCount), canPurge, newest)
        {
            HasNoUnit = scope.IsEmpty,
        };
    }
}
