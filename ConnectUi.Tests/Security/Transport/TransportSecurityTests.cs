using System.Net;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Security.Transport;

/// <summary>Cookies, HSTS and forwarded headers of the real app, over the in-memory test server (plain http).</summary>
public sealed class TransportSecurityTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Outside_Development_every_cookie_is_Secure_even_over_plain_http_behind_a_proxy()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });

        using var response = await app.CreateClient().GetAsync("/");

        var cookies = response.Headers.GetValues("Set-Cookie").ToArray();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_Development_cookies_follow_the_request_so_http_localhost_keeps_working()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" })
            .WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        using var response = await app.CreateClient().GetAsync("/");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health/live")]
    [InlineData("/api/connections")]
    [InlineData("/no-such-page")]
    public async Task With_an_https_public_address_every_response_carries_HSTS_although_the_last_hop_is_http(string path)
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:PublicBaseUrl"] = "https://connect.example.com/" });

        using var response = await app.CreateClient().GetAsync(path);

        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Without_an_https_public_address_plain_http_gets_no_HSTS()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:PublicBaseUrl"] = "http://intranet.example/" });

        using var response = await app.CreateClient().GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Development_gets_no_HSTS_even_with_an_https_public_address()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:PublicBaseUrl"] = "https://connect.example.com/" })
            .WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        using var response = await app.CreateClient().GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task X_Forwarded_Proto_from_a_known_proxy_makes_the_request_https()
    {
        await using var app = BehindProxy(Proxy, knownProxy: Proxy);

        using var response = await app.CreateClient().SendAsync(Forwarded("/health/live", proto: "https"));

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        await using var app = BehindProxy("10.0.0.66", knownProxy: Proxy);

        using var response = await app.CreateClient().SendAsync(Forwarded("/health/live", proto: "https"));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored_even_from_loopback()
    {
        await using var app = BehindProxy("127.0.0.1", knownProxy: null);

        using var response = await app.CreateClient().SendAsync(Forwarded("/health/live", proto: "https"));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_known_proxy_failed_authentication_is_counted_per_forwarded_client_not_per_proxy()
    {
        await using var app = BehindProxy(Proxy, knownProxy: Proxy, new()
        {
            ["ConnectUi:RateLimits:FailedAuthentication:PermitLimit"] = "2",
        });
        var client = app.CreateClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Forwarded("/api/connections?endUserId=x", forwardedFor: "203.0.113.9"));
            first.Add(response.StatusCode);
        }

        using var other = await client.SendAsync(Forwarded("/api/connections?endUserId=x", forwardedFor: "198.51.100.20"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    /// <summary>The app as if every connection came from <paramref name="remoteAddress"/> (the test server has no sockets).</summary>
    private static WebApplicationFactory<Program> BehindProxy(string remoteAddress, string? knownProxy, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        if (knownProxy is not null)
        {
            settings["ConnectUi:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }

        return new ConnectUiWebApplicationFactory(settings).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(IPAddress.Parse(remoteAddress)))));
    }

    private static HttpRequestMessage Forwarded(string path, string? proto = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
