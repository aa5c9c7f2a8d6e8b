using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Units;

/// <summary>A publishing unit as the pages use it (read once into <see cref="UnitDirectory"/>).</summary>
public sealed record UnitInfo(
    int Id,
    string Slug,
    string Name,
    PublishingUnitKind Kind,
    DateOnly? ActiveFrom,
    DateOnly? ActiveUntil,
    int? SuccessorId,
    int SortOrder,
    string? Basis)
{
    /// <summary>Still publishing: no last day.</summary>
    public bool IsCurrent => ActiveUntil is null;

    /// <summary>The first day it no longer existed as this unit (the day its successor took its bulletins over).</summary>
    public DateOnly? EndedOn => ActiveUntil?.AddDays(1);

    public string Url => UnitUrls.Unit(Slug);

    /// <summary>
    /// How residents read the unit as a page title: the district's archive is "Lưu trữ UBND Quận 5 (đến 30/06/2025)",
    /// anything else its name.
    /// </summary>
    public string Title => Kind == PublishingUnitKind.District && ActiveUntil is { } until
        ? $"Lưu trữ {Name} (đến {VietnameseFormat.Date(until)})"
        : Name;

    /// <summary>The mark on a predecessor's bulletin in its successor's list: "Tin của Phường 11 (trước 01/07/2025)".</summary>
    public string PredecessorNote => EndedOn is { } ended ? $"Tin của {Name} (trước {VietnameseFormat.Date(ended)})" : $"Tin của {Name}";
}

/// <summary>
/// Every publishing unit at one moment, with the successor mapping resolved both ways. Immutable: a change of the units
/// makes a new snapshot (<see cref="UnitDirectory"/>).
/// </summary>
public sealed class UnitSnapshot
{
    private readonly Dictionary<int, UnitInfo> _byId;
    private readonly Dictionary<string, UnitInfo> _bySlug;
    private readonly Dictionary<int, List<UnitInfo>> _directPredecessors;

    public UnitSnapshot(IEnumerable<UnitInfo> units)
    {
        All = [.. units.OrderBy(u => u.SortOrder).ThenBy(u => u.Id)];
        _byId = All.ToDictionary(u => u.Id);
        _bySlug = All.ToDictionary(u => u.Slug, StringComparer.Ordinal);
        _directPredecessors = All.Where(u => u.SuccessorId is { } s && s != u.Id && _byId.ContainsKey(s))
            .GroupBy(u => u.SuccessorId!.Value).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Every unit: current wards first, then the archive and the old wards (the seeded sort order).</summary>
    public IReadOnlyList<UnitInfo> All { get; }

    /// <summary>Units still publishing.</summary>
    public IEnumerable<UnitInfo> Current => All.Where(u => u.IsCurrent);

    /// <summary>The wards a resident can pick on the home page: the current wards.</summary>
    public IReadOnlyList<UnitInfo> CurrentWards => [.. All.Where(u => u.IsCurrent && u.Kind == PublishingUnitKind.Ward)];

    /// <summary>Units nobody took over: the current wards and the district's archive. Each unit leads to exactly one.</summary>
    public IReadOnlyList<UnitInfo> Roots => [.. All.Where(u => u.SuccessorId is null || !_byId.ContainsKey(u.SuccessorId.Value))];

    public UnitInfo? ById(int id) => _byId.GetValueOrDefault(id);

    public UnitInfo? BySlug(string? slug) => slug is null ? null : _bySlug.GetValueOrDefault(slug);

    /// <summary>Every unit whose bulletins passed to <paramref name="id"/>, directly or through another ward (10 → 11 → Chợ Lớn), nearest first.</summary>
    public IReadOnlyList<UnitInfo> PredecessorsOf(int id)
    {
        var found = new List<UnitInfo>();
        var seen = new HashSet<int> { id };
        var queue = new Queue<int>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var predecessor in _directPredecessors.GetValueOrDefault(next) ?? [])
            {
                if (seen.Add(predecessor.Id))
                {
                    found.Add(predecessor);
                    queue.Enqueue(predecessor.Id);
                }
            }
        }

        return found;
    }

    /// <summary>The unit and its predecessors: whose bulletins the unit's page lists.</summary>
    public IReadOnlyList<int> FamilyOf(int id) => [id, .. PredecessorsOf(id).Select(u => u.Id)];

    /// <summary>The unit at the end of the successor chain (Phường 10 → Phường 11 → Phường Chợ Lớn); the unit itself when nobody took it over.</summary>
    public UnitInfo RootOf(int id)
    {
        var unit = _byId[id];
        var seen = new HashSet<int> { id };
        while (unit.SuccessorId is { } next && _byId.TryGetValue(next, out var successor) && seen.Add(next))
        {
            unit = successor;
        }

        return unit;
    }

    /// <summary>The unit that took <paramref name="id"/> over directly; null for a current unit or the archive.</summary>
    public UnitInfo? SuccessorOf(int id) => _byId.GetValueOrDefault(id)?.SuccessorId is { } s ? _byId.GetValueOrDefault(s) : null;
}

/// <summary>
/// The publishing units, read once and kept until a unit is edited (the administrator's units page publishes a
/// <see cref="ContentChange"/> of <see cref="ContentTypes.Unit"/>; any public content change drops the copy, as
/// <see cref="Articles.CategoryDirectory"/> does). Units are few (19 seeded) and read by every list, so the pages ask
/// this instead of joining the successor chain in SQL.
/// </summary>
public sealed class UnitDirectory(IServiceScopeFactory scopes) : IPublicContentChangeHandler
{
    private UnitSnapshot? _snapshot;
    private long _generation;

    public async Task<UnitSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _snapshot) is { } cached)
        {
            return cached;
        }

        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var units = await db.PublishingUnits.AsNoTracking()
            .Select(u => new UnitInfo(u.Id, u.Slug, u.Name, u.Kind, u.ActiveFrom, u.ActiveUntil, u.SuccessorId, u.SortOrder, u.Basis))
            .ToListAsync(cancellationToken);
        var snapshot = new UnitSnapshot(units);

        // Kept only if no change came in while reading: otherwise the next caller reads again.
        if (Interlocked.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        }

        return snapshot;
    }

    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Links to the units' public pages, filled from <see cref="SiteRoutes.Unit"/>.</summary>
public static class UnitUrls
{
    public static string Unit(string slug, int page = 1) =>
        RouteLink.Fill(SiteRoutes.Unit, ("slug", slug)) + (page <= 1 ? string.Empty : $"?page={page}");
}
