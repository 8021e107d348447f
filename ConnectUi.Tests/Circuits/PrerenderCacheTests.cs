using System.Net;
using System.Text.RegularExpressions;
using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Circuits;

/// <summary>
/// A provider page's prerender, and the static catalog, come from <see cref="PrerenderCache"/> after the first request for
/// their address and culture: the same HTML the page's components render, with each request's own descriptor, state and
/// nonce.
/// </summary>
public sealed partial class PrerenderCacheTests
{
    private static readonly Dictionary<string, string?> Sandbox = new()
    {
        ["ConnectUi:Sessions:Required"] = "false",
        ["ConnectUi:Sandbox:Enabled"] = "true",
        ["ConnectUi:EgressIps:0"] = "198.51.100.10",
    };

    public static TheoryData<string, string> PagesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/", "/connect/konnektive", "/connect/connectwise-psa" })
        {
            foreach (var culture in new[] { "en", "de", "fr", "es", "ja", "pt-BR" })
            {
                data.Add(path, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndCultures))]
    public async Task A_page_from_the_cache_is_the_page_its_components_render(string path, string culture)
    {
        await using var cached = new ConnectUiWebApplicationFactory(Sandbox);
        await using var uncached = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>(Sandbox)
        {
            ["ConnectUi:PrerenderCache:Enabled"] = "false",
        });

        var rendered = await GetAsync(uncached, path, culture);
        var first = await GetAsync(cached, path, culture);
        var second = await GetAsync(cached, path, culture);

        Assert.Equal(0, uncached.Services.GetRequiredService<PrerenderCache>().Renders);
        Assert.Equal(1, cached.Services.GetRequiredService<PrerenderCache>().Renders);
        Assert.Contains($"<html lang=\"{culture}\">", rendered);
        Assert.Contains(path == "/" ? "data-testid=\"catalog-search\"" : "data-testid=\"sandbox-banner\"", rendered);
        Assert.Equal(WithoutPerRequestParts(rendered), WithoutPerRequestParts(first));
        Assert.Equal(WithoutPerRequestParts(rendered), WithoutPerRequestParts(second));
        // What stays per request: each provider page's answer has a descriptor of its own for its circuit (the catalog opens none).
        Assert.True(path == "/" || Descriptor(first) != Descriptor(second));
    }

    [Fact]
    public async Task Each_address_culture_and_host_has_its_own_entry_and_odd_requests_render_as_before()
    {
        await using var app = new ConnectUiWebApplicationFactory(Sandbox);
        var cache = app.Services.GetRequiredService<PrerenderCache>();

        Assert.Contains("Connect Konnektive CRM", await GetAsync(app, "/connect/konnektive", "en"));
        await GetAsync(app, "/connect/konnektive", "en");
        Assert.Equal(1, cache.Renders);

        var german = await GetAsync(app, "/connect/konnektive", "de");
        Assert.Contains("<html lang=\"de\">", german);
        Assert.DoesNotContain("Connect Konnektive CRM", german);
        Assert.Equal(2, cache.Renders);

        Assert.Contains("ConnectWise PSA", await GetAsync(app, "/connect/connectwise-psa", "en"));
        Assert.Equal(3, cache.Renders);

        // Another host name is another entry: nothing one host's request rendered reaches another's.
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://other.example") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/connect/konnektive")).StatusCode);
        Assert.Equal(4, cache.Renders);

        // A query string, another spelling and an unknown provider render as they always did, and are not kept.
        var withQuery = await app.CreateClient().GetStringAsync("/connect/konnektive?from=email");
        Assert.Contains("returnUrl=%2Fconnect%2Fkonnektive%3Ffrom%3Demail", withQuery);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/connect/Konnektive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/connect/no-such-provider")).StatusCode);
        Assert.Equal(4, cache.Renders);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/connect/konnektive")]
    public async Task Where_a_session_is_required_every_answer_is_the_refusal_with_its_status(string path)
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectUi:Sessions:Required"] = "true",
        });
        var client = app.CreateClient();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("data-testid=\"session-expired\"", await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"credential-form\"", await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"catalog-search\"", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Services.GetRequiredService<PrerenderCache>().Renders);
    }

    [Fact]
    public async Task Hot_reload_empties_the_cache()
    {
        await using var app = new ConnectUiWebApplicationFactory(Sandbox);
        var cache = app.Services.GetRequiredService<PrerenderCache>();
        await GetAsync(app, "/connect/konnektive", "en");
        await GetAsync(app, "/connect/konnektive", "en");

        // What dotnet watch calls after it changed a component.
        PrerenderCache.ClearCache(updatedTypes: null);
        await GetAsync(app, "/connect/konnektive", "en");

        Assert.Equal(2, cache.Renders);
    }

    [Fact]
    public async Task Pages_not_marked_for_it_render_every_time()
    {
        await using var app = new ConnectUiWebApplicationFactory(Sandbox);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync("/connect")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);

        Assert.Equal(0, app.Services.GetRequiredService<PrerenderCache>().Renders);
    }

    private static async Task<string> GetAsync(ConnectUiWebApplicationFactory app, string path, string culture)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return await client.GetStringAsync(path);
    }

    // The interactive root's marker (its protected descriptor and prerender id), the persisted state and the CSP nonce.
    private static string WithoutPerRequestParts(string html) =>
        Nonce().Replace(BlazorComment().Replace(html, "<!--Blazor-->"), "nonce=\"\"");

    private static string Descriptor(string html) => DescriptorValue().Match(html).Groups[1].Value;

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorComment();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("\"descriptor\":\"([^\"]+)\"")]
    private static partial Regex DescriptorValue();
}
