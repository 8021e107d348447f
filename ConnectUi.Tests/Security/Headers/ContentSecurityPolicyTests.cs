using ConnectUi.Embedding;
using ConnectUi.Security.Headers;

namespace ConnectUi.Tests.Security.Headers;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void Without_allowed_origins_only_ConnectUi_itself_may_frame_the_pages()
    {
        Assert.Contains("frame-ancestors 'self'", ContentSecurityPolicy.Build(new EmbeddingOptions().FrameAncestors()));
        Assert.EndsWith("frame-ancestors 'self'", ContentSecurityPolicy.Build(new EmbeddingOptions().FrameAncestors()));
    }

    [Fact]
    public void Allowed_origins_are_normalized_and_deduplicated()
    {
        var options = new EmbeddingOptions { AllowedOrigins = ["HTTPS://Host.Example.com/", "https://host.example.com", "http://localhost:5005"] };

        Assert.EndsWith("frame-ancestors 'self' https://host.example.com http://localhost:5005", ContentSecurityPolicy.Build(options.FrameAncestors()));
    }

    [Fact]
    public void Script_runs_only_from_our_origin_or_with_the_request_nonce_and_never_through_eval()
    {
        var policy = ContentSecurityPolicy.Build(new EmbeddingOptions().FrameAncestors());

        Assert.Contains($"script-src 'self' 'nonce-{ContentSecurityPolicy.NoncePlaceholder}'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'self'", policy);
    }

    [Theory]
    [InlineData("host.example.com")]
    [InlineData("https://host.example.com/path")]
    [InlineData("https://host.example.com; script-src *")]
    [InlineData("https://host.example.com https://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("*")]
    public void Anything_but_an_origin_is_not_a_frame_ancestor(string value)
    {
        Assert.False(EmbeddingOptions.TryNormalize(value, out _));
        Assert.EndsWith("frame-ancestors 'self'", ContentSecurityPolicy.Build(new EmbeddingOptions { AllowedOrigins = [value] }.FrameAncestors()));
    }
}
