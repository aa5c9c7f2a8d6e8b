using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Units;

/// <summary>
/// What a staff member does to a bulletin, as resource-based authorization requirements (docs/decisions/0010). The
/// rule is the same for each today (an administrator: any unit; an editor: their units), but the operation is named
/// so a refusal says what was refused and a later rule can differ per operation.
/// </summary>
public static class BulletinOperations
{
    /// <summary>Write a new bulletin in a unit, or move a bulletin into it.</summary>
    public static readonly OperationAuthorizationRequirement Create = new() { Name = "create" };

    /// <summary>Open, edit, preview, see the history of, publish, schedule, unpublish a bulletin; upload its cover; restore a revision.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "edit" };

    /// <summary>Move a bulletin to the trash.</summary>
    public static readonly OperationAuthorizationRequirement Trash = new() { Name = "trash" };

    /// <summary>Bring a bulletin back from the trash.</summary>
    public static readonly OperationAuthorizationRequirement Restore = new() { Name = "restore" };
}

/// <summary>A bulletin as authorization sees it: which one, and which unit it belongs to.</summary>
public sealed record BulletinResource(int ArticleId, int UnitId);

/// <summary>A publishing unit as authorization sees it (writing a new bulletin in it, moving one into it).</summary>
public sealed record UnitResource(int UnitId);

/// <summary>The units a staff member may act for: every unit (administrators) or the editor's own.</summary>
public sealed record UnitScope(bool AllUnits, IReadOnlySet<int> UnitIds)
{
    public static readonly UnitScope Everything = new(true, new HashSet<int>());

    /// <summary>An editor with no unit: may act on nothing.</summary>
    public bool IsEmpty => !AllUnits && UnitIds.Count == 0;

    public bool Allows(int unitId) => AllUnits || UnitIds.Contains(unitId);

    /// <summary>The bulletins in scope, filtered in the query (a listing never reads another unit's rows).</summary>
    public IQueryable<Article> Filter(IQueryable<Article> articles)
    {
        if (AllUnits)
        {
            return articles;
        }

        var ids = UnitIds.ToList();
        return articles.Where(a => ids.Contains(a.UnitId));
    }
}

/// <summary>
/// The signed-in staff member's units, read from the database once per request: a change made on the accounts page
/// applies to the editor's next request, without signing in again.
/// </summary>
public sealed class StaffUnitAccess(NewsDbContext db)
{
    private readonly Dictionary<string, UnitScope> _read = new(StringComparer.Ordinal);

    public async Task<UnitScope> GetScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(StaffRoles.Administrator))
        {
            return UnitScope.Everything;
        }

        if (!user.IsInRole(StaffRoles.Editor) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return new UnitScope(false, new HashSet<int>());
        }

        if (_read.TryGetValue(userId, out var scope))
        {
            return scope;
        }

        var ids = await db.StaffUnitMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.UnitId).ToListAsync(cancellationToken);
        scope = new UnitScope(false, ids.ToHashSet());
        _read[userId] = scope;
        return scope;
    }

    /// <summary>The unit ids the user may act for, or null for all (administrators): for listings of documents and questions.</summary>
    public async Task<IReadOnlyList<int>?> UnitIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await GetScopeAsync(user, cancellationToken);
        return scope.AllUnits ? null : [.. scope.UnitIds];
    }

    public async Task<bool> CanActForAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken) =>
        (await GetScopeAsync(user, cancellationToken)).Allows(unitId);
}

/// <summary>May the user act on this bulletin: it belongs to one of their units (or they administer the portal).</summary>
public sealed class BulletinAuthorizationHandler(StaffUnitAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, BulletinResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, BulletinResource resource)
    {
        if ((await access.GetScopeAsync(context.User)).Allows(resource.UnitId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>May the user publish for this unit: it is one of theirs (or they administer the portal).</summary>
public sealed class UnitAuthorizationHandler(StaffUnitAccess access)
    : AuthorizationHandler<OperationAuthorizationRequirement, UnitResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, UnitResource resource)
    {
        if (requirement == BulletinOperations.Create && (await access.GetScopeAsync(context.User)).Allows(resource.UnitId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The answer to "may this user do this to that bulletin".</summary>
public abstract record BulletinAccessResult
{
    private BulletinAccessResult()
    {
    }

    public sealed record Allowed : BulletinAccessResult;

    /// <summary>No such bulletin (or no such unit): the caller answers as it always did.</summary>
    public sealed record Missing : BulletinAccessResult;

    /// <summary>Refused, with the Vietnamese reason for the 403 page.</summary>
    public sealed record Denied(string Message) : BulletinAccessResult;

    public static readonly BulletinAccessResult Yes = new Allowed();
    public static readonly BulletinAccessResult NotThere = new Missing();
}

/// <summary>
/// Asks <see cref="IAuthorizationService"/> about a bulletin or a unit and turns a refusal into the sentence the 403
/// page shows. Controllers call it before every action on a bulletin; listings filter with <see cref="UnitScope"/>.
/// </summary>
public sealed class BulletinAccess(NewsDbContext db, IAuthorizationService authorization, StaffUnitAccess access, UnitDirectory units)
{
    public const string NoUnitMessage =
        "Tài khoản của bạn chưa được giao đơn vị đăng tin nào, nên chưa thể viết hay sửa bản tin. Vui lòng liên hệ quản trị viên để được giao đơn vị (phường).";

    public Task<UnitScope> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => access.GetScopeAsync(user, cancellationToken);

    /// <summary>The bulletin <paramref name="articleId"/> (in the trash or not): may <paramref name="user"/> do <paramref name="operation"/> to it?</summary>
    public async Task<BulletinAccessResult> CheckArticleAsync(
        ClaimsPrincipal user, int articleId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var unitId = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => (int?)a.UnitId).FirstOrDefaultAsync(cancellationToken);
        if (unitId is null)
        {
            return BulletinAccessResult.NotThere;
        }

        var result = await authorization.AuthorizeAsync(user, new BulletinResource(articleId, unitId.Value), operation);
        return result.Succeeded ? BulletinAccessResult.Yes : await DeniedAsync(user, unitId.Value, cancellationToken);
    }

    /// <summary>
    /// May <paramref name="user"/> put a bulletin in unit <paramref name="unitId"/>? An unknown or missing unit is left to the
    /// form's validation (400 beside the field); an editor with no unit at all is refused.
    /// </summary>
    public async Task<BulletinAccessResult> CheckUnitAsync(ClaimsPrincipal user, int? unitId, CancellationToken cancellationToken)
    {
        var scope = await access.GetScopeAsync(user, cancellationToken);
        if (scope.IsEmpty)
        {
            return new BulletinAccessResult.Denied(NoUnitMessage);
        }

        if (unitId is not { } id || (await units.GetAsync(cancellationToken)).ById(id) is null)
        {
            return BulletinAccessResult.NotThere;
        }

        var result = await authorization.AuthorizeAsync(user, new UnitResource(id), BulletinOperations.Create);
        return result.Succeeded ? BulletinAccessResult.Yes : await DeniedAsync(user, id, cancellationToken);
    }

    private async Task<BulletinAccessResult> DeniedAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        var scope = await access.GetScopeAsync(user, cancellationToken);
        if (scope.IsEmpty)
        {
            return new BulletinAccessResult.Denied(NoUnitMessage);
        }

        var snapshot = await units.GetAsync(cancellationToken);
        var theirs = string.Join(", ", snapshot.All.Where(u => scope.Allows(u.Id)).Select(u => u.Name));
        var unitName = snapshot.ById(unitId)?.Name ?? "một đơn vị khác";
        return new BulletinAccessResult.Denied(
            $"Bản tin này thuộc {unitName}. Tài khoản của bạn chỉ được viết, sửa, đăng, gỡ, xóa và khôi phục bản tin của đơn vị mình ({theirs}).");
    }
}
