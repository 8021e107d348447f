namespace ConnectUi.Staff;

/// <summary>The two staff roles: <see cref="Support"/> works with customers, <see cref="Admin"/> also reads the audit log.</summary>
public static class StaffRoles
{
    public const string Support = "support";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Support, Admin];

    public static bool IsKnown(string? role) => role is Support or Admin;
}

/// <summary>Authorization policies of the console.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member (support or admin).</summary>
    public const string Staff = "Staff";

    /// <summary>Admins only: the audit log.</summary>
    public const string Admin = "StaffAdmin";
}
