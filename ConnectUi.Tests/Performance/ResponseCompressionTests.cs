using System.IO.Compression;
using System.Net.Http.Headers;
using ConnectUi.Performance;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Performance;

/// <summary>Prerendered HTML goes out compressed as the browser asks: Brotli at quality 0 first, gzip for the rest.</summary>
public sealed class ResponseCompressionTests
{
    [Fact]
    public void The_quick_Brotli_stream_compresses_and_decodes_to_what_went_in()
    {
        var text = string.Concat(Enumerable.Repeat("<p class=\"mud-typography\">Connect Konnektive CRM</p>", 200));
        var input = System.Text.Encoding.UTF8.GetBytes(text);
        using var compressed = new MemoryStream();
        using (var stream = new QuickBrotliCompressionProvider().CreateStream(compressed))
        {
            stream.Write(input);
        }

        Assert.InRange(compressed.Length, 1, input.Length / 10);
        Assert.Equal(input, Decode(compressed.ToArray(), "br"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_provider_page_is_sent_in_the_encoding_the_browser_accepts(string encoding)
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });
        var client = app.CreateDefaultClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.GetAsync("/connect/konnektive");

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var html = System.Text.Encoding.UTF8.GetString(Decode(await response.Content.ReadAsByteArrayAsync(), encoding));
        Assert.Contains("Connect Konnektive CRM", html);
        Assert.EndsWith("-->", html.TrimEnd());
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var source = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(source, CompressionMode.Decompress) : new GZipStream(source, CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        decoder.CopyTo(decoded);
        return decoded.ToArray();
    }
}
