namespace ConnectUi.HostApi;

/// <summary>
/// What a host API key may do. Every <c>/api</c> endpoint requires exactly one scope
/// (<see cref="HostApiScopeEndpointExtensions.RequireScope"/>); a key without it gets 403.
/// </summary>
public static class HostApiScopes
{
    /// <summary>Create connect sessions (links for end users).</summary>
    public const string SessionsCreate = "sessions:create";

    /// <summary>List and read connections without secrets, their history, re-verify them, and read and replay webhook events.</summary>
    public const string ConnectionsRead = "connections:read";

    /// <summary>Read a connection's decrypted credentials.</summary>
    public const string CredentialsRead = "credentials:read";

    /// <summary>Delete connections.</summary>
    public const string ConnectionsDelete = "connections:delete";

    public static IReadOnlyList<string> All { get; } = [SessionsCreate, ConnectionsRead, CredentialsRead, ConnectionsDelete];

    public static IReadOnlySet<string> AllSet { get; } = new HashSet<string>(All, StringComparer.Ordinal);

    public static bool IsKnown(string? scope) => scope is not null && AllSet.Contains(scope);

    /// <summary>
    /// Scopes from a list (configuration, a form) or a comma- or space-separated text (the CLI, the database); none given
    /// means every scope. Null when any entry is unknown.
    /// </summary>
    public static IReadOnlySet<string>? Parse(IEnumerable<string>? scopes)
    {
        var entries = (scopes ?? [])
            .SelectMany(s => s.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        if (entries.Length == 0)
        {
            return AllSet;
        }

        return entries.All(IsKnown) ? new HashSet<string>(entries, StringComparer.Ordinal) : null;
    }

    /// <summary>In <see cref="All"/>'s order, space-separated, as stored and shown.</summary>
    public static string Format(IReadOnlySet<string> scopes) => string.Join(' ', All.Where(scopes.Contains));
}

/// <summary>The scope an endpoint requires, as endpoint metadata.</summary>
public sealed record HostApiScopeRequirement(string Scope);

public static class HostApiScopeEndpointExtensions
{
    /// <summary>Marks the endpoint as needing <paramref name="scope"/>; the host API group refuses a key without it.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, string scope)
    {
        if (!HostApiScopes.IsKnown(scope))
        {
            throw new ArgumentException($"Unknown host API scope '{scope}'.", nameof(scope));
        }

        return endpoint.WithMetadata(new HostApiScopeRequirement(scope))
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Refuses, with 403, a request whose key lacks the endpoint's scope, and an endpoint that declares none (so a new
    /// endpoint without <see cref="RequireScope"/> is closed, not open).
    /// </summary>
    internal static RouteGroupBuilder RequireScopes(this RouteGroupBuilder api) =>
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var required = http.GetEndpoint()?.Metadata.GetMetadata<HostApiScopeRequirement>();
            var caller = http.Features.Get<HostApiCaller>();
            if (required is null || caller is null || !caller.Allows(required.Scope))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "This key may not do this.",
                    detail: required is null
                        ? "This endpoint is not open to host API keys."
                        : $"The key needs the '{required.Scope}' scope. An admin can create a key with it (dotnet ConnectUi.dll keys create, or the support console).");
            }

            return await next(context);
        });
}
