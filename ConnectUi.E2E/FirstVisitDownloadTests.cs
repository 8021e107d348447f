using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// A first visit downloads each file once. Chromium fetched every module script named in the page twice while only the
/// import map carried its integrity (ScriptIntegrity): the tags now carry it too, and must match the map.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class FirstVisitDownloadTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/connect/konnektive")]
    public async Task A_first_visit_downloads_each_script_and_stylesheet_once(string path)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType is "script" or "stylesheet")
            {
                requested.Enqueue(request.Url);
            }
        };

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(requested, url => url.Contains("ReconnectModal", StringComparison.Ordinal));
        var twice = requested.GroupBy(url => url).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Downloaded more than once: {string.Join(", ", twice)}");
    }

    [Fact]
    public async Task Each_module_script_tag_carries_the_integrity_the_import_map_gives_its_url()
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/", "/connect/konnektive" })
        {
            var html = await http.GetStringAsync(app.BaseUrl + path);
            using var map = JsonDocument.Parse(ImportMapJson().Match(html).Groups[1].Value);
            var integrity = map.RootElement.TryGetProperty("integrity", out var entries)
                ? entries.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString())
                : [];
            var modules = ModuleScript().Matches(html);
            Assert.NotEmpty(modules);
            Assert.All(modules, tag =>
            {
                var expected = integrity.GetValueOrDefault("./" + tag.Groups["src"].Value);
                // Razor writes '+' in an attribute as &#x2B;.
                Assert.Equal(expected, tag.Groups["integrity"].Success ? WebUtility.HtmlDecode(tag.Groups["integrity"].Value) : null);
            });

            // The suite runs against published instances in scripts/test.sh, whose import map has integrity.
            if (app.Cluster is not null)
            {
                Assert.All(modules, tag => Assert.StartsWith("sha256-", tag.Groups["integrity"].Value));
            }
        }
    }

    [GeneratedRegex("""<script type="importmap"[^>]*>(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ImportMapJson();

    [GeneratedRegex("""<script type="module" src="(?<src>[^"]+)"(?: integrity="(?<integrity>[^"]+)")?""")]
    private static partial Regex ModuleScript();
}
