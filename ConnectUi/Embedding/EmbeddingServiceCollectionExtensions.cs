using ConnectUi.Security.Headers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Embedding;

public static class EmbeddingServiceCollectionExtensions
{
    public const string ExamplePath = "/examples/host";

    /// <summary>Registers the embedding settings (<c>ConnectUi:Embedding:AllowedOrigins</c>) and the host event poster.</summary>
    public static IServiceCollection AddEmbedding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.Section))
            .Validate(o => o.AllowedOrigins.All(origin => EmbeddingOptions.TryNormalize(origin, out _)),
                $"Each {EmbeddingOptions.Section}:AllowedOrigins entry must be an origin such as https://app.example.com (scheme, host and port only).")
            .ValidateOnStart();
        services.AddOptions<FramingOptions>()
            .Configure<IOptions<EmbeddingOptions>>((framing, embedding) => framing.FrameAncestors = embedding.Value.FrameAncestors());
        services.TryAddScoped<IHostEvents, HostEvents>();
        return services;
    }

    /// <summary>
    /// The <c>frame-ancestors</c> sources for Blazor's own page header (it guards its compressed WebSocket against
    /// framing). The security headers replace that header with the full policy, built from the same sources.
    /// </summary>
    public static string FrameAncestors(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.FrameAncestors();

    /// <summary>In Development, serves an example host page at <see cref="ExamplePath"/> that embeds ConnectUi and shows its events.</summary>
    public static WebApplication MapEmbedding(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGet(ExamplePath, (HttpContext context) => TypedResults.Content(HostExamplePage.For(context), "text/html; charset=utf-8"))
                .ExcludeFromDescription();
        }

        return app;
    }
}
