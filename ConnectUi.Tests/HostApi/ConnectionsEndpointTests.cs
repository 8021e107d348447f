using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using ConnectUi.Connections.Storage;
using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using ConnectUi.Storage;
using ConnectUi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ConnectUi.Tests.Connections.TestCredentials;
using static ConnectUi.Tests.HostApi.ConnectSessionsEndpointTests;




namespace ConnectUi.Tests.HostApi;

public sealed class ConnectionsEndpointTests : IAsyncLifetime
{
    private HostApiTestApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new HostApiTestApp();
        _client = _app.CreateHostClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Lists_only_the_end_users_connections_optionally_of_one_provider_without_secrets()
    {
        var konnektive = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        var connectWise = await _app.ConnectAsync(ConnectWise(endUserId: "user-1"));
        await _app.ConnectAsync(Konnektive(endUserId: "user-2"));

        var all = await GetTextAsync("api/connections?endUserId=user-1");
        var onlyKonnektive = await GetTextAsync("api/connections?endUserId=user-1&provider=konnektive");

        Assert.Equal([konnektive, connectWise], Ids(all));
        Assert.Equal([konnektive], Ids(onlyKonnektive));
        AssertNoSecret(all);
        using var body = JsonDocument.Parse(all);
        var cw = body.RootElement.GetProperty("connections")[1];
        Assert.Equal("connectwise-psa", cw.GetProperty("provider").GetString());
        Assert.Equal("user-1", cw.GetProperty("endUserId").GetString());
        Assert.Equal(ConnectWiseHostname, cw.GetProperty("settings").GetProperty("Hostname").GetString());
        Assert.Equal("Verified", cw.GetProperty("lastOutcome").GetString());
        Assert.Equal("Acme Corp", cw.GetProperty("accountLabel").GetString());
    }

    [Fact]
    public async Task An_end_user_without_connections_gets_an_empty_list()
    {
        await _app.ConnectAsync(Konnektive(endUserId: "user-2"));

        Assert.Empty(Ids(await GetTextAsync("api/connections?endUserId=user-1")));
    }

    [Theory]
    [InlineData("api/connections", "endUserId")]
    [InlineData("api/connections?endUserId=", "endUserId")]
    [InlineData("api/connections?endUserId=user-1&provider=salesforce", "provider")]
    public async Task Listing_without_an_end_user_or_with_an_unknown_provider_is_a_400_problem(string path, string field)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Gets_one_connection_without_secrets()
    {
        var id = await _app.ConnectAsync(ConnectWise(endUserId: "user-1"));

        var text = await GetTextAsync($"api/connections/{id}");

        AssertNoSecret(text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(id, body.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("2025.1", body.RootElement.GetProperty("settings").GetProperty("ApiVersion").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/credentials")]
    [InlineData("POST", "/verify")]
    [InlineData("DELETE", "")]
    public async Task An_unknown_connection_is_a_404_problem(string method, string suffix)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"api/connections/{Guid.NewGuid()}{suffix}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("There is no such connection.", body.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("api/connections/not-a-guid")]
    [InlineData("api/nothing-here")]
    public async Task An_unknown_address_under_api_is_a_404_problem_not_an_html_page(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await _client.PutAsync("api/connections", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Credentials_are_decrypted_for_the_host_backend_and_never_cached()
    {
        var id = await _app.ConnectAsync(ConnectWise(endUserId: "user-1"));

        using var response = await _client.GetAsync($"api/connections/{id}/credentials");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var body = await ReadJsonAsync(response);
        var credentials = body.RootElement.GetProperty("credentials");
        Assert.Equal(ConnectWisePassword, credentials.GetProperty("Password").GetString());
        Assert.Equal(ConnectWiseUsername, credentials.GetProperty("Username").GetString());
        Assert.Equal(ConnectWiseClientId, credentials.GetProperty("ClientId").GetString());
        Assert.Equal(ConnectWiseHostname, credentials.GetProperty("Hostname").GetString());
        Assert.Equal("connectwise-psa", body.RootElement.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Verify_records_a_verified_outcome_and_time()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        _app.Time.Advance(TimeSpan.FromDays(1));
        _app.Konnektive.Result = new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Acme Corp (renamed)");

        using var response = await _client.PostAsync($"api/connections/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("Verified", body.RootElement.GetProperty("outcome").GetString());
        var verifiedAt = body.RootElement.GetProperty("verifiedAt").GetDateTimeOffset();
        var saved = await GetConnectionAsync(id);
        Assert.Equal(verifiedAt, saved.GetProperty("lastVerifiedAt").GetDateTimeOffset());
        Assert.Equal("Acme Corp (renamed)", saved.GetProperty("accountLabel").GetString());
        Assert.Equal(2, _app.Konnektive.Calls);
    }

    [Fact]
    public async Task Verify_with_credentials_the_provider_now_refuses_records_the_outcome_and_keeps_the_credentials()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        var before = await _app.RawConnectionRowAsync(id);
        _app.Konnektive.Refuse(VerificationOutcome.InvalidCredentials, "Konnektive no longer accepts this password.");

        using var response = await _client.PostAsync($"api/connections/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.False(body.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("InvalidCredentials", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("Konnektive no longer accepts this password.", body.RootElement.GetProperty("message").GetString());
        Assert.Equal(before, await _app.RawConnectionRowAsync(id));
        Assert.Equal("InvalidCredentials", (await GetConnectionAsync(id)).GetProperty("lastOutcome").GetString());
        var credentials = await _client.GetFromJsonAsync<JsonDocument>($"api/connections/{id}/credentials");
        Assert.Equal(KonnektivePassword, credentials!.RootElement.GetProperty("credentials").GetProperty("ApiPassword").GetString());
        var attempts = await _app.QueryAsync(db => db.VerificationAttempts.AsNoTracking().Where(a => a.ConnectionId == id).ToListAsync());
        Assert.Contains(attempts, a => a.Outcome == nameof(VerificationOutcome.InvalidCredentials));
    }

    [Fact]
    public async Task Delete_removes_the_connection_and_its_credentials()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));

        using var deleted = await _client.DeleteAsync($"api/connections/{id}");
        using var again = await _client.GetAsync($"api/connections/{id}/credentials");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(Ids(await GetTextAsync("api/connections?endUserId=user-1")));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_host_api()
    {
        using var client = _app.CreateClient();

        var document = await client.GetStringAsync("openapi/v1.json");

        Assert.Contains("\"/api/connect/sessions\"", document);
        Assert.Contains("\"/api/connections/{id}/credentials\"", document);
        Assert.DoesNotContain("/sandbox/", document);
        using var json = JsonDocument.Parse(document);
        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("HostApiKey");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(json.RootElement.GetProperty("security")[0].TryGetProperty("HostApiKey", out _));
    }

    private async Task<string> GetTextAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> GetConnectionAsync(Guid id) => JsonDocument.Parse(await GetTextAsync($"api/connections/{id}")).RootElement;

    private static Guid[] Ids(string listJson) =>
        JsonDocument.Parse(listJson).RootElement.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray();

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
