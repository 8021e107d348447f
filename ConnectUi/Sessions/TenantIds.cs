using System.Text.RegularExpressions;

namespace ConnectUi.Sessions;

/// <summary>
/// A tenant is one host application (one customer of ConnectUi): each host API key belongs to one, and the sessions it
/// creates and the connections saved with them belong to the same one. The id is a short, non-secret name.
/// </summary>
public static partial class TenantIds
{
    public const int MaxLength = 64;

    /// <summary>Lower-case letters, digits, '-', '_' and '.', starting with a letter or digit: safe in logs, URLs and CLI output.</summary>
    public static bool IsValid(string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    public const string Rule = "a tenant id is 1 to 64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
