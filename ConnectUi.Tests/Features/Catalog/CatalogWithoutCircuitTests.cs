using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Features.Catalog;

/// <summary>A request for the catalog gets static HTML and no circuit; the provider pages still open one.</summary>
public sealed partial class CatalogWithoutCircuitTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:Sessions:Required"] = "false",
        ["ConnectUi:Embedding:AllowedOrigins:0"] = "https://host.example.com/",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=konn&category=CRM")]
    public async Task The_catalog_holds_no_interactive_component_and_links_the_script_that_answers_its_input(string path)
    {
        var html = await _app.CreateClient().GetStringAsync(path);

        Assert.DoesNotMatch(PrerenderedHtml.ServerComponentMarker(), html);
        Assert.Contains("data-static-catalog", html);
        var script = StaticPageScript().Match(html);
        Assert.True(script.Success, "the page links js/static-page.js");
        // The host window is told "ready" by the script, addressed to the allowed origins only.
        Assert.Equal("https://host.example.com", script.Groups[1].Value);
    }

    [Fact]
    public async Task The_search_the_script_asks_for_is_the_servers_own()
    {
        var html = await _app.CreateClient().GetStringAsync("/?q=konn&category=CRM");

        Assert.Contains("data-testid=\"provider-card-konnektive\"", html);
        Assert.DoesNotContain("data-testid=\"provider-card-connectwise-psa\"", html);
        Assert.Matches("<input[^>]*name=\"q\"[^>]*value=\"konn\"|<input[^>]*value=\"konn\"[^>]*name=\"q\"", html);
        Assert.Matches("<button[^>]*aria-pressed=\"true\"[^>]*data-category=\"CRM\"", html);
    }

    [Theory]
    [InlineData("/connect/konnektive")]
    [InlineData("/connect/connectwise-psa")]
    public async Task A_provider_page_opens_a_circuit_and_does_not_link_the_script(string path)
    {
        var html = await _app.CreateClient().GetStringAsync(path);

        Assert.Matches(PrerenderedHtml.ServerComponentMarker(), html);
        Assert.DoesNotMatch(StaticPageScript(), html);
        Assert.DoesNotContain("data-static-catalog", html);
    }

    [Fact]
    public async Task The_staff_sign_in_is_static_too_but_tells_no_host_window_anything()
    {
        var html = await _app.CreateClient().GetStringAsync("/support/login");

        Assert.DoesNotMatch(PrerenderedHtml.ServerComponentMarker(), html);
        Assert.DoesNotMatch(StaticPageScript(), html);
    }

    [GeneratedRegex("<script type=\"module\" src=\"[^\"]*js/static-page[^\"]*\" data-host-origins=\"([^\"]*)\"")]
    private static partial Regex StaticPageScript();
}
