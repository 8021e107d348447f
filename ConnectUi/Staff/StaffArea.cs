namespace ConnectUi.Staff;

/// <summary>The console's addresses. Everything under <see cref="Prefix"/> needs a signed-in staff member except the sign-in page.</summary>
public static class StaffArea
{
    public const string Prefix = "/support";
    public const string LoginPath = "/support/login";
    public const string SingleSignOnPath = "/support/login/sso";
    public const string LogoutPath = "/support/logout";
    public const string AccessDeniedPath = "/support/access-denied";
    public const string OpenIdConnectCallbackPath = "/support/signin-oidc";
    public const string OpenIdConnectSignedOutCallbackPath = "/support/signout-callback-oidc";

    /// <summary>JSON endpoints: an anonymous caller gets 401, never a redirect to the sign-in page.</summary>
    public const string ApiPrefix = "/support/api";

    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(PathString path) => path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Paths under /support that anyone may reach: signing in, and the identity provider's callbacks.</summary>
    public static bool IsPublic(PathString path) =>
        path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SingleSignOnPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(OpenIdConnectCallbackPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(OpenIdConnectSignedOutCallbackPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>A local return address under /support, or the console's home: never an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            && Uri.TryCreate(url, UriKind.Relative, out _)
            && !url.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : Prefix;
}
