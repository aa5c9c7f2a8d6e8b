using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Units;

/// <summary>
/// Which units an editor writes for: set by the create-user command (<c>--unit SLUG</c>, repeatable) and by an
/// administrator on the accounts page. Every change is audited with the units before and after.
/// </summary>
public sealed class StaffUnitMemberships(NewsDbContext db, UnitDirectory units, AuditLog audit)
{
    /// <summary>The units named by <paramref name="slugs"/>, and the slugs that name none.</summary>
    public async Task<(IReadOnlyList<int> UnitIds, IReadOnlyList<string> Unknown)> ResolveAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        var ids = new List<int>();
        var unknown = new List<string>();
        foreach (var slug in slugs.Select(s => s.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (snapshot.BySlug(slug) is { } unit)
            {
                ids.Add(unit.Id);
            }
            else
            {
                unknown.Add(slug);
            }
        }

        return (ids, unknown);
    }

    public async Task<IReadOnlyList<int>> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.StaffUnitMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.UnitId).ToListAsync(cancellationToken);

    /// <summary>
    /// Makes <paramref name="unitIds"/> the account's units (ids that name no unit are ignored: callers resolve first).
    /// Returns false when nothing changed. Audited under <paramref name="accountName"/> by <paramref name="actor"/>
    /// (null: the signed-in user).
    /// </summary>
    public async Task<bool> SetAsync(string userId, string? accountName, IEnumerable<int> unitIds, string? actor, CancellationToken cancellationToken = default)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        var wanted = unitIds.Where(id => snapshot.ById(id) is not null).ToHashSet();
        var current = await db.StaffUnitMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var before = current.Select(m => m.UnitId).ToHashSet();
        if (before.SetEquals(wanted))
        {
            return false;
        }

        db.StaffUnitMemberships.RemoveRange(current.Where(m => !wanted.Contains(m.UnitId)));
        db.StaffUnitMemberships.AddRange(wanted.Where(id => !before.Contains(id)).Select(id => new StaffUnitMembership { UserId = userId, UnitId = id }));
        audit.Add(AuditActions.AccountChanged, AuditTargets.Account, accountName is { Length: > 64 } ? accountName[..64] : accountName,
            $"Đơn vị đăng tin: {Names(snapshot, before)} → {Names(snapshot, wanted)}", actor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Names(UnitSnapshot snapshot, IEnumerable<int> ids)
    {
        var set = ids.ToHashSet();
        var names = snapshot.All.Where(u => set.Contains(u.Id)).Select(u => u.Name).ToList();
        return names.Count == 0 ? "không có" : string.Join(", ", names);
    }
}
