using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectUi.Features.Session;
using ConnectUi.Tests.HostApi;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Features.Session;

/// <summary>The first, server-rendered load of a session link, as a browser gets it (sessions required, as in production).</summary>
public sealed class SessionPagesOverHttpTests : IAsyncLifetime
{
    private HostApiTestApp _app = null!;
    private HttpClient _browser = null!;

    public Task InitializeAsync()
    {
        _app = new HostApiTestApp();
        _browser = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_link_opens()
    {
        var (_, connectUrl) = await CreateSessionAsync();

        using var response = await _browser.GetAsync(connectUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SessionStrings.Opening, await TextOf(response));
    }

    [Fact]
    public async Task An_expired_link_answers_410_with_the_expired_page_naming_the_host()
    {
        var (_, connectUrl) = await CreateSessionAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(30));

        using var response = await _browser.GetAsync(connectUrl);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains(SessionStrings.ExpiredHeading, html);
        Assert.Contains(string.Format(SessionStrings.ExpiredAskForNew, "Acme Portal"), html);
        Assert.DoesNotContain("credential-form", html);
    }

    [Fact]
    public async Task A_used_link_answers_410_and_says_it_was_used()
    {
        var (sessionId, connectUrl) = await CreateSessionAsync();
        await _app.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = sessionId });

        using var response = await _browser.GetAsync(connectUrl);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(SessionStrings.ExpiredUsed, await TextOf(response));
    }

    [Fact]
    public async Task A_made_up_link_answers_410()
    {
        using var response = await _browser.GetAsync("connect?session=" + new string('a', 43));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(SessionStrings.ExpiredHeading, await TextOf(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/connect/konnektive")]
    public async Task Without_a_link_the_pages_refuse_when_sessions_are_required(string path)
    {
        using var response = await _browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains(string.Format(SessionStrings.ExpiredNoLink, "Acme Portal"), html);
        Assert.DoesNotContain("credential-form", html);
    }

    [Fact]
    public async Task Without_a_link_the_pages_work_when_sessions_are_not_required()
    {
        await using var app = new HostApiTestApp(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });
        using var browser = app.CreateClient();

        using var response = await browser.GetAsync("/connect/konnektive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("credential-form", await response.Content.ReadAsStringAsync());
    }

    private async Task<(Guid SessionId, string ConnectUrl)> CreateSessionAsync()
    {
        using var client = _app.CreateHostClient();
        using var response = await client.PostAsJsonAsync("api/connect/sessions", new { endUserId = "user-1" });
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var sessionId = Assert.Single(await _app.SessionRowsAsync()).Id;
        return (sessionId, body.RootElement.GetProperty("connectUrl").GetString()!);
    }

    /// <summary>The page with HTML entities decoded: the server encodes non-ASCII text such as an ellipsis or an apostrophe.</summary>
    private static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
