using Bunit;
using ConnectUi.Features.SupportConsole;
using ConnectUi.HostApi;
using ConnectUi.HostApi.Keys;
using ConnectUi.Staff.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.SupportConsole;

public sealed class HostApiKeysPageTests : ConsoleTestContext
{
    private readonly FakeKeyStore _keys = new();

    public HostApiKeysPageTests() => Services.AddSingleton<IHostApiKeyStore>(_keys);

    [Fact]
    public void Lists_configured_and_created_keys_with_tenant_scopes_and_origin_and_no_key_text()
    {
        _keys.Keys.Add(new HostApiKeyInfo("a1b2c3d4e5f6", null, "acme", HostApiScopes.AllSet, FromConfiguration: true));
        _keys.Keys.Add(new HostApiKeyInfo("0f9e8d7c6b5a", "Globex reporting", "globex", new HashSet<string> { HostApiScopes.ConnectionsRead },
            FromConfiguration: false, DateTimeOffset.UnixEpoch, "ann@example.com"));

        var page = Render<HostApiKeysPage>();

        var configured = page.Find("[data-key-id='a1b2c3d4e5f6']");
        Assert.Contains(SupportConsoleStrings.KeysFromConfiguration, configured.TextContent);
        Assert.Empty(configured.QuerySelectorAll("[data-testid=revoke]"));
        var created = page.Find("[data-key-id='0f9e8d7c6b5a']");
        Assert.Contains("Globex reporting", created.TextContent);
        Assert.Contains("globex", created.TextContent);
        Assert.Contains(HostApiScopes.ConnectionsRead, created.TextContent);
        Assert.DoesNotContain(HostApiScopes.CredentialsRead, created.TextContent);
        Assert.Contains("ann@example.com", created.QuerySelector("[data-testid=key-origin]")!.TextContent);
    }

    [Fact]
    public async Task Creating_a_key_shows_it_once_with_a_copy_button_and_writes_the_audit_log()
    {
        var page = Render<HostApiKeysPage>();
        page.Find("[data-testid=key-name]").Input("Acme production backend");
        page.Find("[data-testid=key-tenant]").Input("acme");
        page.Find("[data-testid=scope-connections-delete]").Change(false);

        await page.Find("[data-testid=new-key-form]").SubmitAsync();

        var created = page.Find("[data-testid=created-key]");
        Assert.Equal(FakeKeyStore.CreatedKey, page.Find("[data-testid=created-key-value]").GetAttribute("value"));
        Assert.Contains(SupportConsoleStrings.KeysCreatedNote, created.TextContent);
        var (name, tenant, scopes) = Assert.Single(_keys.Created);
        Assert.Equal(("Acme production backend", "acme"), (name, tenant));
        Assert.Equal([HostApiScopes.SessionsCreate, HostApiScopes.ConnectionsRead, HostApiScopes.CredentialsRead], scopes);
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(AuditAction.HostApiKeyCreated, entry.Action);
        Assert.DoesNotContain(FakeKeyStore.CreatedKey, entry.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-key-id='fa11ed00beef']"));

        // Leaving and coming back: the key is never shown again.
        var again = Render<HostApiKeysPage>();
        Assert.Empty(again.FindAll("[data-testid=created-key]"));
        Assert.DoesNotContain(FakeKeyStore.CreatedKey, again.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refused_field_gets_its_message_beside_it_and_nothing_typed_is_lost()
    {
        var page = Render<HostApiKeysPage>();
        page.Find("[data-testid=key-name]").Input("Billing");
        page.Find("[data-testid=key-tenant]").Input("Acme Corp");

        await page.Find("[data-testid=new-key-form]").SubmitAsync();

        Assert.Equal(SupportConsoleStrings.KeysTenantInvalid, page.Find("#key-tenant-problem").TextContent);
        Assert.Equal("true", page.Find("[data-testid=key-tenant]").GetAttribute("aria-invalid"));
        Assert.Equal("Billing", page.Find("[data-testid=key-name]").GetAttribute("value"));
        Assert.Equal("Acme Corp", page.Find("[data-testid=key-tenant]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=created-key]"));

        foreach (var scope in HostApiScopes.All)
        {
            page.Find($"[data-testid=scope-{scope.Replace(':', '-')}]").Change(false);
        }

        await page.Find("[data-testid=new-key-form]").SubmitAsync();
        Assert.Equal(SupportConsoleStrings.KeysScopesRequired, page.Find("#key-scopes-problem").TextContent);
        Assert.Empty(_keys.Created);
    }

    [Fact]
    public async Task Revoking_asks_first_then_revokes_says_so_and_writes_the_audit_log()
    {
        _keys.Keys.Add(new HostApiKeyInfo("0f9e8d7c6b5a", "Globex", "globex", HostApiScopes.AllSet, false, DateTimeOffset.UnixEpoch, "ann@example.com"));
        var page = Render<HostApiKeysPage>();

        await page.Find("[data-testid=revoke]").ClickAsync(new());
        Assert.Empty(_keys.Revoked);
        Assert.Contains(string.Format(SupportConsoleStrings.KeysRevokeConfirm, "0f9e8d7c6b5a"), page.Find("[data-key-id='0f9e8d7c6b5a']").TextContent);

        await page.Find("[data-testid=confirm-revoke]").ClickAsync(new());

        Assert.Equal(["0f9e8d7c6b5a"], _keys.Revoked);
        Assert.Equal(string.Format(SupportConsoleStrings.KeysRevoked, "0f9e8d7c6b5a"), page.Find("[data-testid=keys-status]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=revoke]"));
        Assert.Equal(AuditAction.HostApiKeyRevoked, Assert.Single(Audit.Entries).Action);
    }

    private sealed class FakeKeyStore : IHostApiKeyStore
    {
        public const string CreatedKey = "cuk_test-key-shown-once";

        public List<HostApiKeyInfo> Keys { get; } = [];
        public List<(string? Name, string? Tenant, string[] Scopes)> Created { get; } = [];
        public List<string> Revoked { get; } = [];

        public Task<HostApiCaller?> FindActiveAsync(byte[] hash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<HostApiKeyInfo>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<HostApiKeyInfo>>(Keys.ToArray());

        public Task<HostApiKeyCreation> CreateAsync(string? name, string? tenantId, IEnumerable<string>? scopes, string createdBy, CancellationToken cancellationToken)
        {
            if (!ConnectUi.Sessions.TenantIds.IsValid(tenantId))
            {
                return Task.FromResult(new HostApiKeyCreation(null, null, HostApiKeyProblem.TenantInvalid));
            }

            var list = HostApiScopes.All.Where(s => scopes!.Contains(s)).ToArray();
            Created.Add((name, tenantId, list));
            var info = new HostApiKeyInfo("fa11ed00beef", name, tenantId!, new HashSet<string>(list), false, DateTimeOffset.UnixEpoch, createdBy);
            Keys.Add(info);
            return Task.FromResult(new HostApiKeyCreation(info, CreatedKey, null));
        }

        public Task<HostApiKeyRevocation> RevokeAsync(string keyId, string revokedBy, CancellationToken cancellationToken)
        {
            Revoked.Add(keyId);
            var index = Keys.FindIndex(k => k.Id == keyId);
            Keys[index] = Keys[index] with { RevokedAt = DateTimeOffset.UnixEpoch, RevokedBy = revokedBy };
            return Task.FromResult(HostApiKeyRevocation.Revoked);
        }

        public Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(Keys.Select(k => k.TenantId).Distinct().ToArray());

        public Task<int> AssignUnownedAsync(string tenantId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
