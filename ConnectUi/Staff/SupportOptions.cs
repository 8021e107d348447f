namespace ConnectUi.Staff;

/// <summary>The support console's sign-in settings (<c>ConnectUi:Support</c>; how long visits are kept is the journeys' <c>JourneyRetentionOptions</c>).</summary>
public sealed class SupportOptions
{
    public const string Section = "ConnectUi:Support";

    /// <summary>Optional single sign-on; off unless <see cref="OpenIdConnectOptions.Authority"/> is set.</summary>
    public StaffOpenIdConnectOptions OpenIdConnect { get; set; } = new();
}

/// <summary>
/// Single sign-on with a company's identity provider (<c>ConnectUi:Support:OpenIdConnect</c>). A person gets the staff
/// role their claims map to, and nothing without a mapped claim.
/// </summary>
public sealed class StaffOpenIdConnectOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim whose values are mapped to roles (for example <c>groups</c> or <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value to staff role (<c>support</c> or <c>admin</c>), e.g. <c>"connectui-admins": "admin"</c>.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The name shown on the sign-in button.</summary>
    public string DisplayName { get; set; } = "your company account";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The staff role a set of claim values gives: admin wins over support; null when none is mapped.</summary>
    public string? RoleFor(IEnumerable<string> claimValues)
    {
        var roles = claimValues.Select(v => RoleMapping.TryGetValue(v, out var role) ? role : null).Where(StaffRoles.IsKnown).ToHashSet();
        return roles.Contains(StaffRoles.Admin) ? StaffRoles.Admin : roles.Contains(StaffRoles.Support) ? StaffRoles.Support : null;
    }

    /// <summary>Why the settings cannot work, or null; checked at start so a half-done set-up stops the app.</summary>
    public string? Problem()
    {
        if (!Enabled)
        {
            return null;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            return "ConnectUi:Support:OpenIdConnect:Authority must be an absolute https URL.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return "ConnectUi:Support:OpenIdConnect:ClientId is required when Authority is set.";
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            return "ConnectUi:Support:OpenIdConnect:ClientSecret is required when Authority is set.";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            return "ConnectUi:Support:OpenIdConnect:RoleClaim must name a claim.";
        }

        if (RoleMapping.Count == 0)
        {
            return "ConnectUi:Support:OpenIdConnect:RoleMapping must map at least one claim value to support or admin.";
        }

        return RoleMapping.Values.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknown
            ? $"ConnectUi:Support:OpenIdConnect:RoleMapping maps to '{unknown}'; roles are support and admin."
            : null;
    }
}
