using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConnectUi.Sessions;
using Microsoft.Extensions.DependencyInjection;
using ConnectUi.Tests.Support;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.HostApi;

public sealed class ConnectSessionsEndpointTests : IAsyncLifetime
{
    private const string Path = "api/connect/sessions";
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
    public async Task Creates_a_session_with_a_256_bit_token_a_connect_url_and_a_30_minute_expiry()
    {
        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", endUserEmail = "ann@example.com" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        var token = body.RootElement.GetProperty("token").GetString()!;
        Assert.Equal(43, token.Length);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal($"http://localhost/connect?session={token}", body.RootElement.GetProperty("connectUrl").GetString());
        Assert.Equal(TestServices.Now.AddMinutes(30), body.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Only_the_tokens_hash_is_stored()
    {
        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1" });
        using var body = await ReadJsonAsync(response);
        var token = body.RootElement.GetProperty("token").GetString()!;

        var row = Assert.Single(await _app.SessionRowsAsync());
        Assert.Equal(SessionToken.Hash(token), row.TokenHash);
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(_app.DatabasePath)!))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)) < 0, $"{file} holds the token.");
        }
    }

    [Fact]
    public async Task Two_sessions_never_share_a_token()
    {
        using var first = await ReadJsonAsync(await _client.PostAsJsonAsync(Path, new { endUserId = "user-1" }));
        using var second = await ReadJsonAsync(await _client.PostAsJsonAsync(Path, new { endUserId = "user-1" }));

        Assert.NotEqual(first.RootElement.GetProperty("token").GetString(), second.RootElement.GetProperty("token").GetString());
    }

    [Fact]
    public async Task The_lifetime_and_public_address_are_configurable()
    {
        await using var app = new HostApiTestApp(new Dictionary<string, string?>
        {
            ["ConnectUi:Sessions:Lifetime"] = "00:05:00",
            ["ConnectUi:PublicBaseUrl"] = "https://connect.example.com/ui",
        });
        using var client = app.CreateHostClient();

        using var body = await ReadJsonAsync(await client.PostAsJsonAsync(Path, new { endUserId = "user-1" }));

        Assert.Equal(TestServices.Now.AddMinutes(5), body.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.StartsWith("https://connect.example.com/ui/connect?session=", body.RootElement.GetProperty("connectUrl").GetString());
    }

    [Fact]
    public async Task Allowed_providers_are_stored_by_their_canonical_id()
    {
        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", allowedProviders = new[] { "KONNEKTIVE", "konnektive" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("konnektive", Assert.Single(await _app.SessionRowsAsync()).AllowedProviders);
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "{}", "endUserId", "endUserId is required." },
        { """{"endUserId":"  "}""", "endUserId", "endUserId is required." },
        { $$"""{"endUserId":"{{new string('u', 201)}}"}""", "endUserId", "endUserId must be at most 200 characters." },
        { """{"endUserId":"u","endUserEmail":"not-an-email"}""", "endUserEmail", "endUserEmail must be an email address." },
        { """{"endUserId":"u","allowedProviders":[]}""", "allowedProviders", "allowedProviders must list at least one provider; leave it out to offer every provider." },
        { """{"endUserId":"u","allowedProviders":["salesforce"]}""", "allowedProviders[0]", "Unknown provider 'salesforce'. Known providers: connectwise-psa, konnektive." },
        { """{"endUserId":"u","redirectUrl":"https://evil.example/back"}""", "redirectUrl", "redirectUrl must be an absolute https URL (http only for localhost in Development) on one of the origins in ConnectUi:Embedding:AllowedOrigins." },
        { """{"endUserId":"u","redirectUrl":"http://host.example/back"}""", "redirectUrl", "redirectUrl must be an absolute https URL (http only for localhost in Development) on one of the origins in ConnectUi:Embedding:AllowedOrigins." },
        { """{"endUserId":"u","redirectUrl":"/relative"}""", "redirectUrl", "redirectUrl must be an absolute https URL (http only for localhost in Development) on one of the origins in ConnectUi:Embedding:AllowedOrigins." },
        { """{"endUserId":"u","reconnectConnectionId":"00000000-0000-0000-0000-000000000000"}""", "reconnectConnectionId", "reconnectConnectionId must not be the empty GUID." },
        { """{"endUserId":"u","branding":{"primaryColor":"#3b82f6"}}""", "branding.primaryColor", "branding.primaryColor #3b82f6 gives 3.68:1 as link and button text on the light page (#ffffff); at least 4.5:1 is needed." },
        { """{"endUserId":"u","branding":{"primaryColorDark":"#1f5fbf"}}""", "branding.primaryColorDark", "branding.primaryColorDark #1f5fbf gives 2.65:1 as link and button text on the dark page (#1e2128); at least 4.5:1 is needed." },
        { """{"endUserId":"u","branding":{"logo":"https://cdn.example/logo.svg"}}""", "branding.logo", "branding.logo must be a data URL or the path of an image shipped in wwwroot (for example branding/logo.svg); remote addresses are never fetched." },
        { """{"endUserId":"u","branding":{"productName":" "}}""", "branding.productName", "branding.productName must not be empty." },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_request_is_a_400_validation_problem_naming_the_field_and_creates_nothing(string json, string field, string message)
    {
        using var response = await PostRawAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = await ReadJsonAsync(response);
        Assert.Equal(message, Assert.Single(body.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
        Assert.Empty(await _app.SessionRowsAsync());
    }

    [Theory]
    [InlineData("{\"endUserId\":", "The body is not valid JSON, or has an unknown field or a value of the wrong type, at $.endUserId.")]
    [InlineData("not json", "The body is not valid JSON.")]
    [InlineData("{\"endUserId\":5}", "The body is not valid JSON, or has an unknown field or a value of the wrong type, at $.endUserId.")]
    [InlineData("{\"endUserId\":\"u\",\"allowedProvider\":[\"konnektive\"]}", "The body is not valid JSON, or has an unknown field or a value of the wrong type, at $.allowedProvider.")]
    [InlineData("null", "The body must be a JSON object.")]
    [InlineData("", "The body is not valid JSON.")]
    public async Task Malformed_json_or_an_unknown_field_is_a_400_problem(string json, string detail)
    {
        using var response = await PostRawAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("The request body is not valid.", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, body.RootElement.GetProperty("detail").GetString());
        Assert.Empty(await _app.SessionRowsAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var json = $$"""{"endUserId":"u","endUserEmail":"{{new string('a', 17 * 1024)}}@example.com"}""";

        using var response = await PostRawAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("The request body is too large.", body.RootElement.GetProperty("title").GetString());
        Assert.Empty(await _app.SessionRowsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var response = await _client.PostAsync(Path, new StringContent("endUserId=u", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_hosts_brand_is_stored_with_the_session_and_given_back_when_its_link_opens()
    {
        const string logo = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=";
        using var response = await _client.PostAsJsonAsync(Path, new
        {
            endUserId = "user-1",
            branding = new { productName = " Acme Books ", logo, primaryColor = "#6a1b9a", primaryColorDark = "#ce93d8" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        var token = body.RootElement.GetProperty("token").GetString()!;
        await using var scope = _app.Services.CreateAsyncScope();
        var lookup = await scope.ServiceProvider.GetRequiredService<ISessionService>().FindAsync(token, CancellationToken.None);
        Assert.Equal(new ConnectUi.Branding.SessionBranding("Acme Books", logo, "#6a1b9a", "#ce93d8"), lookup.Session!.Branding);
    }

    [Fact]
    public async Task A_session_without_a_brand_keeps_the_installations()
    {
        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1" });
        using var body = await ReadJsonAsync(response);

        await using var scope = _app.Services.CreateAsyncScope();
        var lookup = await scope.ServiceProvider.GetRequiredService<ISessionService>().FindAsync(body.RootElement.GetProperty("token").GetString()!, CancellationToken.None);
        Assert.Null(lookup.Session!.Branding);
        Assert.Null(Assert.Single(await _app.SessionRowsAsync()).Branding);
    }

    [Fact]
    public async Task A_redirect_url_on_an_allowed_origin_is_accepted()
    {
        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", redirectUrl = "https://host.example/settings?tab=integrations" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("https://host.example/settings?tab=integrations", Assert.Single(await _app.SessionRowsAsync()).RedirectUrl);
    }

    [Fact]
    public async Task A_reconnect_session_for_the_end_users_own_connection_is_created()
    {
        var connectionId = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));

        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", reconnectConnectionId = connectionId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(connectionId, Assert.Single(await _app.SessionRowsAsync()).ReconnectConnectionId);
    }

    [Fact]
    public async Task A_session_cannot_reconnect_another_end_users_connection_or_a_missing_one()
    {
        var othersConnection = await _app.ConnectAsync(Konnektive(endUserId: "user-2"));

        foreach (var id in new[] { othersConnection, Guid.NewGuid() })
        {
            using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", reconnectConnectionId = id });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var body = await ReadJsonAsync(response);
            Assert.Equal(
                "There is no connection with this id for this end user.",
                body.RootElement.GetProperty("errors").GetProperty("reconnectConnectionId")[0].GetString());
        }

        Assert.Empty(await _app.SessionRowsAsync());
    }

    [Fact]
    public async Task A_reconnect_session_must_allow_the_connections_provider()
    {
        var connectionId = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));

        using var response = await _client.PostAsJsonAsync(Path, new { endUserId = "user-1", reconnectConnectionId = connectionId, allowedProviders = new[] { "connectwise-psa" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("allowedProviders", out _));
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        _client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));

    internal static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
}
