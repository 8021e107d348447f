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
        services.TryAddScoped<HostEvents>();
        return services;
    }

    /// <summary>
    /// The <c>frame-ancestors</c> sources for Blazor's page responses: ConnectUi itself and the allowed origins, no one else.
    /// Blazor sends the header (it guards its compressed WebSocket against framing), so the sources go to its option.
    /// </summary>
    public static string FrameAncestors(this WebApplication app) =>
        string.Join(' ', ["'self'", .. app.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.NormalizedOrigins()]);

    /// <summary>In Development, serves an example host page at <see cref="ExamplePath"/> that embeds ConnectUi and shows its events.</summary>
    public static WebApplication MapEmbedding(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGet(ExamplePath, () => TypedResults.Content(HostExamplePage.Html, "text/html; charset=utf-8"))
                .ExcludeFromDescription();
        }

        return app;
    }
}
