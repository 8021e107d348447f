using System.Net;
using System.Net.Http.Json;
using System.Text;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Security.RequestLimits;

public sealed class RequestLimitsTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:RequestLimits:MaxRequestBodyBytes"] = "4096",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_oversized_API_request_gets_413_as_problem_json()
    {
        using var response = await _app.CreateClient().PostAsync("/api/connections", Json(5000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(413, problem!.Status);
        Assert.Equal("Request too large", problem.Title);
        Assert.Contains("4 KB", problem.Detail);
    }

    [Fact]
    public async Task An_oversized_form_post_gets_413_as_text()
    {
        var form = new StringContent("value=" + new string('a', 5000), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _app.CreateClient().PostAsync("/connect/konnektive", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Request too large.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task On_Kestrel_a_chunked_body_over_the_limit_gets_413_once_read()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectUi:RequestLimits:MaxRequestBodyBytes"] = "4096",
        });
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();

        // No Content-Length, so nothing is refused up front: Kestrel stops the read, antiforgery's form read fails.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/konnektive")
        {
            Content = new StringContent("value=" + new string('a', 50_000), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("Request too large.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/connections?endUserId=")]
    [InlineData("/api/no-such-route/")]
    public async Task On_Kestrel_an_API_address_over_the_limit_gets_414_as_problem_json(string prefix)
    {
        await using var app = new ConnectUiWebApplicationFactory();
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();

        // Longer than Kestrel's default request-line limit (8 KB), so Kestrel would answer with an empty 414 itself.
        using var response = await client.GetAsync(prefix + new string('a', 20_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(414, problem!.Status);
        Assert.Equal("Address too long", problem.Title);
        Assert.Contains("8 KB", problem.Detail);
    }

    [Fact]
    public async Task A_page_address_over_the_limit_gets_414_as_text()
    {
        using var response = await _app.CreateClient().GetAsync("/connect/" + new string('a', 9000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Address too long.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_address_at_the_limit_goes_through()
    {
        var prefix = "/api/connections?endUserId=";
        using var response = await _app.CreateClient().GetAsync(prefix + new string('a', 8 * 1024 - prefix.Length));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_within_the_limit_goes_through()
    {
        using var response = await _app.CreateClient().PostAsync("/api/connections", Json(1000));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public void Kestrel_and_the_circuit_hub_are_configured()
    {
        var kestrel = _app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(4096, kestrel.MaxRequestBodySize);
        Assert.Equal(1024 * 1024, kestrel.MaxRequestLineSize);

        // Blazor's hub type is internal: read its options through the closed generic type.
        var hubType = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var options = _app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hubType)));
        var hubOptions = (HubOptions)options.GetType().GetProperty(nameof(IOptions<HubOptions>.Value))!.GetValue(options)!;
        Assert.Equal(32 * 1024, hubOptions.MaximumReceiveMessageSize);
    }

    private static StringContent Json(int length) =>
        new($"{{\"value\":\"{new string('a', length)}\"}}", Encoding.UTF8, "application/json");
}
