namespace District5News.Web.Features.Accounts;

public static class StaffRoles
{
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Editor, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị viên",
        Editor => "Biên tập viên",
        _ => role,
    };
}

/// <summary>The two authorization policies, defined once.</summary>
public static class StaffPolicies
{
    /// <summary>Editors and administrators: writing and publishing.</summary>
    public const string Staff = "Staff";

    /// <summary>Administrators only: accounts, statistics, audit log, trash, import.</summary>
    public const string Administrator = "Administrator";
}
