using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Security.Headers;

/// <summary>The headers the real app sends, over the in-memory test server.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    // Pages without a host session answer 403 in Production; these tests are about headers, so the pages open freely.
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/connect/konnektive")]
    [InlineData("/connect/no-such-provider")]
    [InlineData("/app.css")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);

        var policy = Header(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'self'; script-src 'self' 'nonce-", policy);
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("img-src 'self' data:", policy);
        Assert.Contains("font-src 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'self'", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.EndsWith("frame-ancestors 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=(), payment=(), usb=()", Header(response, "Permissions-Policy"));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_inline_importmap_carries_the_nonce_of_its_response_and_each_response_has_a_fresh_one()
    {
        var client = _app.CreateClient();
        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        var nonce = NonceOf(first);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", nonce);
        Assert.NotEqual(nonce, NonceOf(second));
        var html = await first.Content.ReadAsStringAsync();
        Assert.True(first.IsSuccessStatusCode, $"GET / answered {(int)first.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        var inlineScripts = InlineScript().Matches(html);
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
    }

    [Fact]
    public async Task Allowed_embedding_origins_go_into_frame_ancestors_and_X_Frame_Options_is_dropped()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectUi:Embedding:AllowedOrigins:0"] = "https://host.example.com/",
            ["ConnectUi:Embedding:AllowedOrigins:1"] = "https://partner.example:8443",
        });

        using var response = await app.CreateClient().GetAsync("/");

        var policy = Header(response, "Content-Security-Policy");
        Assert.EndsWith("frame-ancestors 'self' https://host.example.com https://partner.example:8443", policy);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}).");

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

    // A <script> without src: the only kind the nonce must cover.
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
