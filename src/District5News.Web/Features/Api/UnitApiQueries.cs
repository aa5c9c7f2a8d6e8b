using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Api;

/// <summary>The publishing units as the web service gives them, and which units' bulletins a unit's filter takes in.</summary>
public sealed class UnitApiQueries(NewsDbContext db)
{
    public async Task<ApiList<ApiUnit>> ListAsync(CancellationToken cancellationToken)
    {
        var units = await ReadAsync(cancellationToken);
        var slugById = units.ToDictionary(u => u.Id, u => u.Slug);
        return new ApiList<ApiUnit>(
        [
            .. units.Select(u => new ApiUnit(
                u.Slug, u.Name, u.Kind == PublishingUnitKind.District ? "district" : "ward",
                u.ActiveFrom, u.ActiveUntil,
                u.SuccessorId is { } next && slugById.TryGetValue(next, out var successor) ? successor : null,
                [.. units.Where(p => p.SuccessorId == u.Id).Select(p => p.Slug)],
                u.Basis)),
        ]);
    }

    /// <summary>
    /// The unit with <paramref name="slug"/> and every unit merged into it, at any depth (cho-lon ← phuong-11 ←
    /// phuong-10), or null when there is no such unit. A successor loop in edited data ends the walk, never hangs it.
    /// </summary>
    public async Task<IReadOnlyList<int>?> LineageAsync(string slug, CancellationToken cancellationToken)
    {
        var units = await ReadAsync(cancellationToken);
        var root = units.FirstOrDefault(u => u.Slug == slug);
        if (root is null)
        {
            return null;
        }

        var found = new HashSet<int> { root.Id };
        var frontier = new Queue<int>([root.Id]);
        while (frontier.TryDequeue(out var id))
        {
            foreach (var predecessor in units.Where(u => u.SuccessorId == id && found.Add(u.Id)))
            {
                frontier.Enqueue(predecessor.Id);
            }
        }

        return [.. found.Order()];
    }

    private Task<List<UnitRow>> ReadAsync(CancellationToken cancellationToken) =>
        db.PublishingUnits.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new UnitRow(u.Id, u.Slug, u.Name, u.Kind, u.ActiveFrom, u.ActiveUntil, u.SuccessorId, u.Basis))
            .ToListAsync(cancellationToken);

    private sealed record UnitRow(int Id, string Slug, string Name, PublishingUnitKind Kind, DateOnly? ActiveFrom, DateOnly? ActiveUntil, int? SuccessorId, string? Basis);
}
