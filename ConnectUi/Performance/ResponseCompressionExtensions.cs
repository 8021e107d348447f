using Microsoft.AspNetCore.ResponseCompression;

namespace ConnectUi.Performance;

public static class ResponseCompressionExtensions
{
    /// <summary>
    /// Compresses what MapStaticAssets has no precompressed file for: the prerendered HTML, and MudBlazor's
    /// fingerprinted CSS and JS (the SDK adds no .br/.gz endpoint for a package's fingerprinted URL, so
    /// MudBlazor.min.css went out as 613 KiB). Responses that already carry Content-Encoding are left alone.
    /// </summary>
    /// <remarks>
    /// On over HTTPS too: BREACH needs a secret repeated in every response, and the only secrets in our pages,
    /// the antiforgery token and the component descriptors, are Data Protection output, fresh each response.
    /// Credentials never appear in HTML; they travel over the circuit's WebSocket.
    /// </remarks>
    public static IServiceCollection AddConnectUiResponseCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    /// <summary>Call before the endpoints it should compress (static assets, Razor components).</summary>
    public static IApplicationBuilder UseConnectUiResponseCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
