using System.Net.Http.Headers;
using System.Net;
using System.Text;
using ConnectUi.HostApi;
using ConnectUi.Sessions;
using Microsoft.Extensions.Options;
using static ConnectUi.Tests.HostApi.ConnectSessionsEndpointTests;

namespace ConnectUi.Tests.HostApi;

public sealed class HostApiKeyTests : IAsyncLifetime
{
    private HostApiTestApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApiTestApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "api/connect/sessions" },
        { "GET", "api/connections?endUserId=user-1" },
        { "GET", $"api/connections/{Guid.Empty}" },
        { "GET", $"api/connections/{Guid.Empty}/credentials" },
        { "POST", $"api/connections/{Guid.Empty}/verify" },
        { "DELETE", $"api/connections/{Guid.Empty}" },
        { "GET", $"api/connections/{Guid.Empty}/history" },
        { "GET", "api/webhooks/deliveries" },
        { "POST", "api/webhooks/deliveries/msg_0/replay" },
        { "GET", "api/no-such-endpoint" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_answers_401_problem_without_a_key(string method, string path)
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Request(method, path));

        await AssertUnauthorizedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_answers_401_problem_with_a_wrong_key(string method, string path)
    {
        using var client = _app.CreateHostClient("not-the-key");

        using var response = await client.SendAsync(Request(method, path));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body_is_read()
    {
        using var client = _app.CreateClient();
        var request = Request("POST", "api/connect/sessions");
        request.Content = new StringContent("{ not json", Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response);
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + HostApiTestApp.ApiKey)]
    [InlineData("Authorization", "bearer " + HostApiTestApp.OtherApiKey)]
    [InlineData("X-Api-Key", HostApiTestApp.ApiKey)]
    public async Task Any_configured_key_is_accepted_as_a_bearer_token_or_an_X_Api_Key_header(string header, string value)
    {
        using var client = _app.CreateClient();
        var request = Request("GET", "api/connections?endUserId=user-1");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_key_checker_compares_hashes_and_refuses_empty_or_huge_keys()
    {
        var checker = new HostApiKeyChecker(Options.Create(new HostApiOptions { HostApiKeys = [HostApiTestApp.Hash("k1"), HostApiTestApp.Hash("k2").ToUpperInvariant()] }));

        Assert.Equal(HostApiTestApp.Hash("k1")[..12], checker.Authenticate("k1")?.KeyId);
        Assert.True(checker.IsValid("k1"));
        Assert.True(checker.IsValid("k2"));
        Assert.False(checker.IsValid("k3"));
        Assert.False(checker.IsValid(HostApiTestApp.Hash("k1")));
        Assert.False(checker.IsValid(""));
        Assert.False(checker.IsValid(null));
        Assert.False(checker.IsValid(new string('k', HostApiKeyChecker.MaxKeyLength + 1)));
    }

    [Fact]
    public void A_key_configured_in_clear_instead_of_its_hash_stops_the_app_from_starting()
    {
        using var app = new HostApiTestApp(new Dictionary<string, string?> { ["ConnectUi:HostApiKeys:0"] = "my-secret-key" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("SHA-256", error.Message);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path);

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        using var body = await ReadJsonAsync(response);
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("A valid host API key is required.", body.RootElement.GetProperty("title").GetString());
    }
}
