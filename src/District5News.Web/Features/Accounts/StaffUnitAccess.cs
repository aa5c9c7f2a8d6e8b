using System.Security.Claims;
using District5News.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// Which publishing units a staff member may act for, for the documents library and residents' questions: an
/// administrator every unit, an editor the units they belong to (StaffUnitMemberships). One small class so it can
/// later be routed through the shared resource-based authorization handler of bulletins.
/// </summary>
public sealed class StaffUnitAccess(NewsDbContext db)
{
    /// <summary>The unit ids the user may act for, or null for all (administrators).</summary>
    public async Task<IReadOnlyList<int>?> UnitIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(StaffRoles.Administrator))
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(StaffRoles.Editor))
        {
            return [];
        }

        return await db.StaffUnitMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.UnitId).ToListAsync(cancellationToken);
    }

    public async Task<bool> CanActForAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken) =>
        await UnitIdsAsync(user, cancellationToken) is not { } ids || ids.Contains(unitId);
}
