using System.Text.Json;
using ConnectUi.Branding;

namespace ConnectUi.Sessions;

/// <summary>What a host application allowed one end user to do in one visit.</summary>
/// <param name="AllowedProviders">Provider ids the catalog offers; null offers every provider.</param>
/// <param name="RedirectUrl">Where to send the person after connecting when there is no opener or parent window.</param>
/// <param name="ReconnectConnectionId">The connection whose credentials the person renews; saving updates it in place.</param>
/// <param name="Locale">The language the host asked for (one of <c>SupportedCultures</c>); null leaves it to the person's browser.</param>
/// <param name="Prefill">Non-secret field values the form starts with (a guided link from support staff).</param>
/// <param name="StartStep">The guide step the page opens at (a guided link from support staff).</param>
/// <param name="TenantId">The host API tenant the session (and the connection saved with it) belongs to.</param>
public sealed record ConnectSession(
    Guid Id,
    string EndUserId,
    string? EndUserEmail,
    IReadOnlyList<string>? AllowedProviders,
    Uri? RedirectUrl,
    Guid? ReconnectConnectionId,
    DateTimeOffset ExpiresAt,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Prefill = null,
    string? StartStep = null,
    string? TenantId = null)
{
    /// <summary>The host's brand for this session, over the installation's; null keeps the installation's.</summary>
    public SessionBranding? Branding { get; init; }

    public bool Allows(string providerId) =>
        AllowedProviders is null || AllowedProviders.Contains(providerId, StringComparer.OrdinalIgnoreCase);

    internal static ConnectSession FromRecord(ConnectSessionRecord record) => new(
        record.Id,
        record.EndUserId,
        record.EndUserEmail,
        SplitProviders(record.AllowedProviders),
        record.RedirectUrl is null ? null : new Uri(record.RedirectUrl, UriKind.Absolute),
        record.ReconnectConnectionId,
        record.ExpiresAt,
        record.Locale,
        record.PrefillJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(record.PrefillJson),
        record.StartStep,
        record.TenantId)
    {
        Branding = record.Branding is null ? null : JsonSerializer.Deserialize<SessionBranding>(record.Branding),
    };

    internal static string? JoinPrefill(IReadOnlyDictionary<string, string>? prefill) =>
        prefill is null || prefill.Count == 0 ? null : JsonSerializer.Serialize(prefill);

    internal static string? SerializeBranding(SessionBranding? branding) =>
        branding is null || branding.IsEmpty ? null : JsonSerializer.Serialize(branding);

    internal static string? JoinProviders(IReadOnlyCollection<string>? providers) =>
        providers is null ? null : string.Join(',', providers);

    private static IReadOnlyList<string>? SplitProviders(string? providers) =>
        providers?.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What the host asks for when it creates a session; validated by the host API before it gets here.</summary>
/// <param name="TenantId">The tenant of the host API key that asked; the connection saved with the session belongs to it.</param>
public sealed record NewSession(
    string EndUserId,
    string? EndUserEmail = null,
    IReadOnlyList<string>? AllowedProviders = null,
    Uri? RedirectUrl = null,
    Guid? ReconnectConnectionId = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Prefill = null,
    string? StartStep = null,
    string? TenantId = null)
{
    /// <summary>The host's brand for the session, already checked by <see cref="BrandRules"/>.</summary>
    public SessionBranding? Branding { get; init; }
}

/// <summary>A created session and its token: the only time the token exists in clear.</summary>
public sealed record CreatedSession(string Token, ConnectSession Session);

public enum SessionStatus
{
    Active,

    /// <summary>No session has this token (mistyped, truncated or made up).</summary>
    Unknown,

    Expired,

    /// <summary>A connection was already saved with it: a session is single-use.</summary>
    Used,
}

/// <summary>The answer to "which session does this token open?"; <see cref="Session"/> is set when one was found, usable or not.</summary>
public sealed record SessionLookup(SessionStatus Status, ConnectSession? Session = null)
{
    public bool IsActive => Status == SessionStatus.Active;

    public static SessionLookup Unknown { get; } = new(SessionStatus.Unknown);
}
