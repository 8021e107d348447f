using System.Globalization;
using ConnectUi.HostApi;
using ConnectUi.HostApi.Keys;
using ConnectUi.Sessions;
using ConnectUi.Staff.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.SupportConsole;

/// <summary>
/// Admins create, list and revoke host API keys. A new key is shown once, here; the database keeps only its hash. Keys
/// from configuration are listed too, but are changed in configuration. Every change is in the audit log.
/// </summary>
public sealed partial class HostApiKeysPage
{
    private const string NameKey = "name";
    private const string TenantKey = "tenant";
    private const string ScopesKey = "scopes";

    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scopes = new(HostApiScopes.All, StringComparer.Ordinal);
    private IReadOnlyList<HostApiKeyInfo>? _keys;
    private IReadOnlyList<string> _tenants = [];
    private string? _name;
    private string? _tenant;
    private string? _confirming;
    private string? _status;
    private bool _busy;
    private HostApiKeyCreation? _created;

    [Inject]
    public required IHostApiKeyStore Keys { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _keys = await Keys.ListAsync(CancellationToken.None);
        _tenants = await Keys.TenantsAsync(CancellationToken.None);
    }

    private string? Problem(string key) => _problems.GetValueOrDefault(key);

    private string Invalid(string key) => _problems.ContainsKey(key) ? "true" : "false";

    private void Toggle(string scope, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _scopes.Add(scope);
            _problems.Remove(ScopesKey);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private string ScopeText(string scope) => Loc[scope switch
    {
        HostApiScopes.SessionsCreate => nameof(SupportConsoleStrings.ScopeSessionsCreate),
        HostApiScopes.ConnectionsRead => nameof(SupportConsoleStrings.ScopeConnectionsRead),
        HostApiScopes.CredentialsRead => nameof(SupportConsoleStrings.ScopeCredentialsRead),
        _ => nameof(SupportConsoleStrings.ScopeConnectionsDelete),
    }];

    private string Origin(HostApiKeyInfo key)
    {
        if (key.FromConfiguration)
        {
            return Loc[nameof(SupportConsoleStrings.KeysFromConfiguration)];
        }

        if (key.RevokedAt is { } revokedAt)
        {
            return Loc[nameof(SupportConsoleStrings.KeysRevokedBy), Date(revokedAt), key.RevokedBy ?? string.Empty];
        }

        return Loc[nameof(SupportConsoleStrings.KeysCreatedBy), Date(key.CreatedAt!.Value), key.CreatedBy ?? string.Empty];
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task CreateAsync()
    {
        if (_busy)
        {
            return;
        }

        _problems.Clear();
        _created = null;
        if (_scopes.Count == 0)
        {
            // An empty list means "every scope" to the store; on this form, no box ticked is a mistake.
            _problems[ScopesKey] = Loc[nameof(SupportConsoleStrings.KeysScopesRequired)];
        }

        _busy = true;
        try
        {
            var actor = await ActorAsync();
            var created = _problems.Count > 0 ? null : await Keys.CreateAsync(_name, _tenant, _scopes, actor, CancellationToken.None);
            switch (created?.Problem)
            {
                case null when created is not null:
                    await Audit.WriteAsync(actor, AuditAction.HostApiKeyCreated, created.Info!.Id, $"{created.Info.TenantId}: {HostApiScopes.Format(created.Info.Scopes)}");
                    _created = created;
                    _name = null;
                    await LoadAsync();
                    break;
                case HostApiKeyProblem.NameMissing:
                    _problems[NameKey] = Loc[nameof(SupportConsoleStrings.KeysNameRequired)];
                    break;
                case HostApiKeyProblem.NameTooLong:
                    _problems[NameKey] = Loc[nameof(SupportConsoleStrings.KeysNameTooLong), HostApiKeyStore.MaxNameLength];
                    break;
                case HostApiKeyProblem.TenantInvalid:
                    _problems[TenantKey] = Loc[nameof(SupportConsoleStrings.KeysTenantInvalid)];
                    break;
                case HostApiKeyProblem.ScopesUnknown:
                    _problems[ScopesKey] = Loc[nameof(SupportConsoleStrings.KeysScopesRequired)];
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(HostApiKeyInfo key)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = await ActorAsync();
            if (await Keys.RevokeAsync(key.Id, actor, CancellationToken.None) == HostApiKeyRevocation.Revoked)
            {
                await Audit.WriteAsync(actor, AuditAction.HostApiKeyRevoked, key.Id, key.TenantId);
            }

            _status = Loc[nameof(SupportConsoleStrings.KeysRevoked), key.Id];
            _confirming = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";
}
