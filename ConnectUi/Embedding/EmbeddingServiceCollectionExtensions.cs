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
    /// Sends <c>Content-Security-Policy: frame-ancestors</c> so only ConnectUi itself and the allowed origins can frame its
    /// pages, and in Development serves an example host page at <see cref="ExamplePath"/>.
    /// </summary>
    public static WebApplication MapEmbedding(this WebApplication app)
    {
        var origins = app.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.NormalizedOrigins();
        var frameAncestors = string.Join(' ', ["frame-ancestors 'self'", .. origins]);
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = frameAncestors;
            return next(context);
        });

        if (app.Environment.IsDevelopment())
        {
            app.MapGet(ExamplePath, () => TypedResults.Content(HostExamplePage.Html, "text/html; charset=utf-8"))
                .ExcludeFromDescription();
        }

        return app;
    }
}
