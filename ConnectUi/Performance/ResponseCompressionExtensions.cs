using Microsoft.AspNetCore.ResponseCompression;

namespace ConnectUi.Performance;

public static class ResponseCompressionExtensions
{
    /// <summary>
    /// Compresses what MapStaticAssets has no precompressed file for, above all the prerendered HTML (Brotli at quality
    /// 0: <see cref="QuickBrotliCompressionProvider"/>). MudBlazor's CSS and JS are app assets now (trimmed stylesheet,
    /// copied script), precompressed at publish; responses that already carry Content-Encoding are left alone.
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
            options.Providers.Add<QuickBrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    /// <summary>Call before the endpoints it should compress (static assets, Razor components).</summary>
    public static IApplicationBuilder UseConnectUiResponseCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
