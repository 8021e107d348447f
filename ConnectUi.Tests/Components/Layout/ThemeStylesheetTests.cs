using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConnectUi.Performance;
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

    [Fact]
    public async Task Browsers_that_accept_brotli_get_the_stylesheet_compressed_once_at_its_best_quality()
    {
        var client = _app.CreateClient();
        var path = ThemeLink().Match(await client.GetStringAsync("/")).Groups[1].Value;
        var css = await client.GetStringAsync(path);

        using var response = await GetAsync(client, path, "gzip, deflate, br, zstd");
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var revalidated = await GetAsync(client, path, "gzip, deflate, br, zstd", response.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(css, Encoding.UTF8.GetString(Decompress(compressed)));
        // What the per-response compression (Brotli at quality 0) would have sent is larger.
        Assert.True(compressed.Length < Compress(css, QuickBrotliCompressionProvider.Quality).Length, $"{compressed.Length} bytes");
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br;q=0", "gzip")]
    [InlineData("identity", null)]
    public async Task Other_browsers_get_the_stylesheet_as_the_response_compression_serves_it(string accepted, string? encoding)
    {
        var client = _app.CreateClient();
        var path = ThemeLink().Match(await client.GetStringAsync("/")).Groups[1].Value;
        using var plain = await client.GetAsync(path);

        using var response = await GetAsync(client, path, accepted);
        using var brotli = await GetAsync(client, path, "br");
        using var withBrotliETag = await GetAsync(client, path, accepted, brotli.Headers.ETag!.ToString());

        Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.NotEqual(brotli.Headers.ETag, response.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, withBrotliETag.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] brotli)
    {
        using var decompressed = new MemoryStream();
        using (var stream = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress))
        {
            stream.CopyTo(decompressed);
        }

        return decompressed.ToArray();
    }

    private static byte[] Compress(string text, int quality)
    {
        using var compressed = new MemoryStream();
        using (var stream = new BrotliStream(compressed, new BrotliCompressionOptions { Quality = quality }))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    [Fact]
    public async Task A_hosts_colours_come_as_a_small_cached_stylesheet_of_the_primary_variables_only()
    {
        var client = _app.CreateClient();

        using var response = await client.GetAsync("/theme-primary/6a1b9a-ce93d8.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        var dark = css.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal);
        Assert.True(dark > 0, "the dark primary sits under prefers-color-scheme: dark");
        Assert.Contains("--mud-palette-primary: rgba(106,27,154,1);", css[..dark]);
        Assert.Contains("--mud-palette-primary-text: rgba(255,255,255,1);", css[..dark]);
        Assert.Contains("--mud-palette-primary: rgba(206,147,216,1);", css[dark..]);
        Assert.Contains("--mud-palette-primary-text: rgba(11,26,46,1);", css[dark..]);
        Assert.DoesNotContain("--mud-palette-background", css);
        Assert.True(css.Length < 2048, $"{css.Length} characters");
    }

    [Theory]
    [InlineData("3b82f6-ce93d8")] // 3.68:1 on a white page
    [InlineData("6a1b9a-1f5fbf")] // 2.65:1 on the dark page
    [InlineData("6A1B9A-ce93d8")] // one address per pair of colours
    [InlineData("zzzzzz-ce93d8")]
    public async Task The_primary_stylesheet_refuses_colours_a_host_could_not_set(string colours)
    {
        using var response = await _app.CreateClient().GetAsync($"/theme-primary/{colours}.css");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_installations_brand_is_drawn_into_the_theme_stylesheet_and_the_app_bar()
    {
        await using var branded = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectUi:Sessions:Required"] = "false",
            ["ConnectUi:Branding:ProductName"] = "Acme Books",
            ["ConnectUi:Branding:PrimaryColor"] = "#6a1b9a",
            ["ConnectUi:Branding:PrimaryColorDark"] = "#ce93d8",
        });
        var client = branded.CreateClient();
        var html = await client.GetStringAsync("/");
        var defaultPath = ThemeLink().Match(await _app.CreateClient().GetStringAsync("/")).Groups[1].Value;

        var path = ThemeLink().Match(html).Groups[1].Value;
        var css = await client.GetStringAsync(path);

        Assert.NotEqual(defaultPath, path);
        Assert.Contains("--mud-palette-primary: rgba(106,27,154,1)", css);
        Assert.Contains("--mud-palette-primary: rgba(206,147,216,1)", css);
        Assert.Matches("<title>Connect an account (·|&#xB7;) Acme Books</title>", html);
        Assert.Contains("alt=\"Acme Books logo\"", html);
        Assert.DoesNotContain("theme-primary/", html);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/?theme\\.[0-9a-f]{12}\\.css)\"")]
    private static partial Regex ThemeLink();
}
