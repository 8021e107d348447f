using ConnectUi.Security.Headers;
using Microsoft.Extensions.Configuration;

namespace ConnectUi.Tests.Security.Headers;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void Without_allowed_origins_nobody_may_frame_the_pages()
    {
        Assert.Equal("'none'", ContentSecurityPolicy.FrameAncestors(Configuration()));
    }

    [Fact]
    public void Origins_are_normalized_and_deduplicated()
    {
        var configuration = Configuration("HTTPS://Host.Example.com/", "https://host.example.com", "http://localhost:5005", " ");

        Assert.Equal("https://host.example.com http://localhost:5005", ContentSecurityPolicy.FrameAncestors(configuration));
    }

    [Theory]
    [InlineData("host.example.com")]
    [InlineData("https://host.example.com/path")]
    [InlineData("https://host.example.com; script-src *")]
    [InlineData("https://host.example.com https://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("*")]
    public void Anything_but_an_origin_stops_the_app(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ContentSecurityPolicy.FrameAncestors(Configuration(value)));

        Assert.Contains(ContentSecurityPolicy.EmbeddingOriginsKey, exception.Message);
    }

    private static IConfiguration Configuration(params string[] origins) => new ConfigurationBuilder()
        .AddInMemoryCollection(origins.Select((o, i) => new KeyValuePair<string, string?>($"{ContentSecurityPolicy.EmbeddingOriginsKey}:{i}", o)))
        .Build();
}
