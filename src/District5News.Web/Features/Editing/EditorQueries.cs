using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Editing;

/// <summary>The back office's reads of bulletins: the list, the form, the history and the trash.</summary>
public sealed class EditorQueries(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>The datetime-local form of a UTC instant, in Vietnam time.</summary>
    public static string ToInputValue(DateTime utc) =>
        VietnamTime.ToVietnam(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<CategoryOption>> GetCategoriesAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    public async Task<ArticleAdminListViewModel> GetListAsync(ArticleListFilter filter, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc == null);
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
                a.UpdatedAtUtc, a.UpdatedBy,
            })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        var rows = articles.Items
            .Select(a => new ArticleAdminRow(a.Id, a.Title, a.Slug, a.CategoryName, a.AuthorName, EditorStates.Of(a.Status, a.PublishedAtUtc, now),
                a.PublishedAtUtc, a.UpdatedAtUtc, a.UpdatedBy))
            .ToList();

        var authors = await db.Articles.AsNoTracking().Where(a => a.AuthorId != null)
            .Select(a => new { a.AuthorId, a.AuthorName }).Distinct().ToListAsync(cancellationToken);
        var inTrash = await db.Articles.CountAsync(a => a.DeletedAtUtc != null, cancellationToken);
        return new ArticleAdminListViewModel(
            new PagedList<ArticleAdminRow>(rows, articles.PageNumber, articles.PageSize, articles.TotalItemCount),
            filter,
            await GetCategoriesAsync(cancellationToken),
            authors.GroupBy(a => a.AuthorId!).Select(g => new AuthorOption(g.Key, g.First().AuthorName ?? g.Key)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
            inTrash);
    }

    /// <param name="userId">The signed-in staff member, whose display name a new bulletin is signed with by default.</param>
    public async Task<ArticleFormViewModel> GetNewFormAsync(string? userId, CancellationToken cancellationToken) => new()
    {
        Input = new ArticleEditInput(),
        Categories = await GetCategoriesAsync(cancellationToken),
        AuthorDisplayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken),
    };

    /// <summary>The form of a bulletin not in the trash, filled with its saved values; null when there is none.</summary>
    public async Task<ArticleFormViewModel?> GetEditFormAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAtUtc == null)
            .Select(a => new
            {
                a.Id, a.Version, a.Title, a.CategoryId, a.Lead, a.BodyHtml, a.Status, a.PublishedAtUtc, a.ByNewsroom,
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
            Lead = article.Lead,
            Body = article.BodyHtml,
            PublishAt = article.PublishedAtUtc is { } publishAt ? ToInputValue(publishAt) : null,
            ByNewsroom = article.ByNewsroom,
        }, conflict: null, cancellationToken);
    }

    /// <summary>The form for <paramref name="input"/> as the user typed it, around the bulletin's saved state.</summary>
    public async Task<ArticleFormViewModel> GetFormAsync(int? id, Guid? version, ArticleEditInput input, ConflictViewModel? conflict, CancellationToken cancellationToken)
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
            Saved = saved,
            Conflict = conflict,
            AuthorDisplayName = authorDisplayName,
        };
    }

    /// <summary>The form again with what the user typed, beside the version someone else saved; null when the bulletin is gone.</summary>
    public async Task<ArticleFormViewModel?> GetConflictFormAsync(int id, ArticleEditInput input, bool coverDropped, CancellationToken cancellationToken)
    {
        if (await GetConflictAsync(id, coverDropped, cancellationToken) is not var (conflict, version))
        {
            return null;
        }

        return await GetFormAsync(id, version, input, conflict, cancellationToken);
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

    public async Task<TrashViewModel> GetTrashAsync(int page, bool canPurge, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc != null)
            .OrderByDescending(a => a.DeletedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, CategoryName = a.Category!.Name, DeletedAtUtc = a.DeletedAtUtc!.Value, a.AuthorName, a.Status, a.PublishedAtUtc })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        var rows = list.Items
            .Select(a => new TrashRow(a.Id, a.Title, a.CategoryName, a.DeletedAtUtc, a.AuthorName, EditorStates.Of(a.Status, a.PublishedAtUtc, now)))
            .ToList();
        var newest = await db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc != null).MaxAsync(a => a.DeletedAtUtc, cancellationToken);
        return new TrashViewModel(new PagedList<TrashRow>(rows, list.PageNumber, list.PageSize, list.TotalItemCount), canPurge, newest);
    }
}
