using System.Net;
using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Components.Layout;

public sealed partial class ThemeStylesheetTests : IAsyncLifetime
{
    // The pages themselves, not the expired-link page production shows without a session.
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_link_one_theme_stylesheet_with_both_palettes_instead_of_a_style_element()
    {
        var client = _app.CreateClient();
        var html = await client.GetStringAsync("/connect/konnektive");

        Assert.DoesNotContain("--mud-palette-primary:", html);
        var path = ThemeLink().Match(html).Groups[1].Value;
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        var dark = css.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal);
        Assert.True(dark > 0, "the dark palette sits under prefers-color-scheme: dark");
        Assert.Contains("--mud-palette-background: rgba(246,247,251,1)", css[..dark]);
        Assert.Contains("--mud-palette-background: rgba(21,23,28,1)", css[dark..]);
        Assert.Contains("--mud-typography-default-family:", css);
    }

    [Fact]
    public async Task The_stylesheet_answers_only_at_its_current_address_and_revalidates_by_etag()
    {
        var client = _app.CreateClient();
        var path = ThemeLink().Match(await client.GetStringAsync("/")).Groups[1].Value;
        using var first = await client.GetAsync(path);

        using var stale = await client.GetAsync("/theme.000000000000.css");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/?theme\\.[0-9a-f]{12}\\.css)\"")]
    private static partial Regex ThemeLink();
}
