using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.HostApi;
using ConnectUi.HostApi.Keys;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.HostApi;

/// <summary>Each host API key belongs to a tenant, and a tenant's sessions, connections and events are its own.</summary>
public sealed class HostApiTenancyTests : IAsyncLifetime
{
    private const string AcmeKey = "acme-backend-key-1";
    private const string AcmeReportingKey = "acme-reporting-key-2";
    private const string GlobexKey = "globex-backend-key-3";

    private readonly HostApiTestApp _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:TenantKeys:0:Sha256"] = HostApiTestApp.Hash(AcmeKey),
        ["ConnectUi:TenantKeys:0:Tenant"] = "acme",
        ["ConnectUi:TenantKeys:1:Sha256"] = HostApiTestApp.Hash(AcmeReportingKey),
        ["ConnectUi:TenantKeys:1:Tenant"] = "acme",
        ["ConnectUi:TenantKeys:1:Scopes:0"] = HostApiScopes.ConnectionsRead,
        ["ConnectUi:TenantKeys:2:Sha256"] = HostApiTestApp.Hash(GlobexKey),
        ["ConnectUi:TenantKeys:2:Tenant"] = "globex",
        ["ConnectUi:Webhooks:Url"] = "http://127.0.0.1:9/hooks",
        ["ConnectUi:Webhooks:Secret"] = Webhooks.WebhookReceiver.Secret,
        ["ConnectUi:Outbound:AllowPrivateNetworks"] = "true",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>What a host and its end user do: the host creates a session with its key, the person saves through it.</summary>
    private async Task<Guid> ConnectThroughSessionAsync(string key, string endUserId = "user-1")
    {
        using var host = _app.CreateHostClient(key);
        var response = await host.PostAsJsonAsync("api/connect/sessions", new { endUserId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        await using var scope = _app.Services.CreateAsyncScope();
        var session = (await scope.ServiceProvider.GetRequiredService<ISessionService>().FindAsync(token, CancellationToken.None)).Session!;
        var result = await scope.ServiceProvider.GetRequiredService<IConnectionService>()
            .ConnectAsync(Konnektive(endUserId: endUserId) with { SessionId = session.Id }, CancellationToken.None);
        Assert.True(result.Succeeded, result.Problem?.Message);
        return result.ConnectionId!.Value;
    }

    [Fact]
    public async Task A_connection_belongs_to_the_tenant_whose_key_created_its_session()
    {
        var id = await ConnectThroughSessionAsync(AcmeKey);

        var row = await _app.QueryAsync(db => db.Connections.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("acme", row.TenantId);
        var events = await _app.QueryAsync(db => db.ConnectionEvents.AsNoTracking().Where(e => e.ConnectionId == id).ToListAsync());
        Assert.All(events, e => Assert.Equal("acme", e.TenantId));

        // Another key of the same tenant sees it.
        using var reporting = _app.CreateHostClient(AcmeReportingKey);
        Assert.Equal(HttpStatusCode.OK, (await reporting.GetAsync($"api/connections/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/connections/{0}")]
    [InlineData("GET", "api/connections/{0}/credentials")]
    [InlineData("GET", "api/connections/{0}/history")]
    [InlineData("POST", "api/connections/{0}/verify")]
    [InlineData("DELETE", "api/connections/{0}")]
    public async Task Another_tenants_key_gets_404_as_if_the_connection_did_not_exist(string method, string path)
    {
        var id = await ConnectThroughSessionAsync(AcmeKey);
        using var globex = _app.CreateHostClient(GlobexKey);
        var calls = _app.Konnektive.Calls;

        var response = await globex.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, id)));
        var missing = await globex.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // The same answer as for an id that does not exist, apart from the id itself: nothing tells them apart.
        Assert.Equal(
            (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(calls, _app.Konnektive.Calls);
        Assert.NotNull(await _app.QueryAsync(db => db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Lists_and_webhook_events_show_only_the_callers_tenant()
    {
        var acme = await ConnectThroughSessionAsync(AcmeKey, "user-1");
        var globex = await ConnectThroughSessionAsync(GlobexKey, "user-1");
        using var acmeClient = _app.CreateHostClient(AcmeKey);
        using var globexClient = _app.CreateHostClient(GlobexKey);

        var acmeList = await acmeClient.GetFromJsonAsync<JsonElement>("api/connections?endUserId=user-1");
        var globexList = await globexClient.GetFromJsonAsync<JsonElement>("api/connections?endUserId=user-1");
        Assert.Equal([acme], Ids(acmeList, "connections"));
        Assert.Equal([globex], Ids(globexList, "connections"));

        var acmeEvents = await acmeClient.GetFromJsonAsync<JsonElement>("api/webhooks/deliveries");
        Assert.NotEmpty(acmeEvents.GetProperty("deliveries").EnumerateArray());
        Assert.All(acmeEvents.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal(acme, d.GetProperty("connectionId").GetGuid()));

        var globexEvent = (await globexClient.GetFromJsonAsync<JsonElement>("api/webhooks/deliveries")).GetProperty("deliveries")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await acmeClient.PostAsync($"api/webhooks/deliveries/{globexEvent}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await globexClient.PostAsync($"api/webhooks/deliveries/{globexEvent}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task A_session_cannot_reconnect_another_tenants_connection()
    {
        var acme = await ConnectThroughSessionAsync(AcmeKey);
        using var globex = _app.CreateHostClient(GlobexKey);

        var response = await globex.PostAsJsonAsync("api/connect/sessions", new { endUserId = "user-1", reconnectConnectionId = acme });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("There is no connection with this id for this end user.", errors.GetProperty("reconnectConnectionId")[0].GetString());
    }

    [Fact]
    public async Task Bare_configured_hashes_are_tenants_of_their_own()
    {
        var id = await ConnectThroughSessionAsync(HostApiTestApp.ApiKey);

        using var own = _app.CreateHostClient(HostApiTestApp.ApiKey);
        using var other = _app.CreateHostClient(HostApiTestApp.OtherApiKey);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"api/connections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/connections/{id}")).StatusCode);
        Assert.Equal(HostApiTestApp.Tenant, (await _app.QueryAsync(db => db.Connections.AsNoTracking().SingleAsync(c => c.Id == id))).TenantId);
    }

    [Fact]
    public async Task A_connection_saved_without_a_tenant_is_nobodys_until_an_admin_assigns_it()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"), withoutTenant: true);
        using var acme = _app.CreateHostClient(AcmeKey);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"api/connections/{id}")).StatusCode);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IHostApiKeyStore>().AssignUnownedAsync("acme", CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"api/connections/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_key_created_at_run_time_works_at_once_is_stored_hashed_and_stops_when_revoked()
    {
        var id = await ConnectThroughSessionAsync(AcmeKey);
        var store = _app.Services.GetRequiredService<IHostApiKeyStore>();

        var created = await store.CreateAsync("Acme billing", "acme", [HostApiScopes.ConnectionsRead], "admin@example.com", CancellationToken.None);
        Assert.True(created.Succeeded);
        Assert.StartsWith(HostApiKeyStore.KeyPrefix, created.Key, StringComparison.Ordinal);
        using var client = _app.CreateHostClient(created.Key!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/connections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"api/connections/{id}/credentials")).StatusCode);

        var row = await _app.QueryAsync(db => db.HostApiKeys.AsNoTracking().SingleAsync());
        Assert.Equal(HostApiTestApp.Hash(created.Key!), row.Hash);
        Assert.DoesNotContain(created.Key!, await File.ReadAllTextAsync(_app.DatabasePath), StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key!, JsonSerializer.Serialize(await store.ListAsync(CancellationToken.None)), StringComparison.Ordinal);

        Assert.Equal(HostApiKeyRevocation.Revoked, await store.RevokeAsync(created.Info!.Id, "admin@example.com", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"api/connections/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(null, "acme", HostApiKeyProblem.NameMissing)]
    [InlineData("Billing", "Acme Corp", HostApiKeyProblem.TenantInvalid)]
    [InlineData("Billing", "", HostApiKeyProblem.TenantInvalid)]
    [InlineData("Billing", "acme", HostApiKeyProblem.ScopesUnknown, "connections:write")]
    public async Task A_key_is_not_created_without_a_name_a_valid_tenant_and_known_scopes(string? name, string tenant, HostApiKeyProblem problem, string? scope = null)
    {
        var store = _app.Services.GetRequiredService<IHostApiKeyStore>();
        var created = await store.CreateAsync(name, tenant, scope is null ? null : [scope], "admin@example.com", CancellationToken.None);
        Assert.Equal(problem, created.Problem);
        Assert.Null(created.Key);
        Assert.Empty(await _app.QueryAsync(db => db.HostApiKeys.ToListAsync()));
    }

    [Fact]
    public async Task A_configured_key_cannot_be_revoked_at_run_time_and_the_answer_says_where_it_lives()
    {
        var store = _app.Services.GetRequiredService<IHostApiKeyStore>();
        var acme = (await store.ListAsync(CancellationToken.None)).First(k => k.TenantId == "acme");
        Assert.True(acme.FromConfiguration);
        Assert.Equal(HostApiKeyRevocation.FromConfiguration, await store.RevokeAsync(acme.Id, "admin@example.com", CancellationToken.None));
        Assert.Equal(HostApiKeyRevocation.NotFound, await store.RevokeAsync("000000000000", "admin@example.com", CancellationToken.None));
        string[] tenants = ["acme", "globex", HostApiTestApp.Tenant, HostApiTestApp.TenantOf(HostApiTestApp.OtherApiKey)];
        Assert.Equal(tenants.Order(StringComparer.Ordinal), await store.TenantsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task When_the_key_database_cannot_be_reached_an_unknown_key_gets_503_and_a_configured_key_still_works()
    {
        using var app = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IHostApiKeyStore, UnreachableKeyStore>()));
        using var unknown = app.CreateClient();
        unknown.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "cuk_not-configured");
        using var configured = app.CreateClient();
        configured.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AcmeKey);

        using var refused = await unknown.GetAsync("api/connections?endUserId=user-1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await configured.GetAsync("api/connections?endUserId=user-1")).StatusCode);
    }

    private sealed class UnreachableKeyStore : IHostApiKeyStore
    {
        public Task<HostApiCaller?> FindActiveAsync(byte[] hash, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The database is not answering.");

        public Task<IReadOnlyList<HostApiKeyInfo>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HostApiKeyCreation> CreateAsync(string? name, string? tenantId, IEnumerable<string>? scopes, string createdBy, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<HostApiKeyRevocation> RevokeAsync(string keyId, string revokedBy, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> AssignUnownedAsync(string tenantId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static Guid[] Ids(JsonElement list, string property) =>
        list.GetProperty(property).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray();
}
