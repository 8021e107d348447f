namespace ConnectUi.Security.Transport;

/// <summary>
/// When to send <c>Strict-Transport-Security</c>: outside Development, on requests that arrived over https (directly
/// or, through a known proxy, as <c>X-Forwarded-Proto</c> says) and on every response when
/// <c>ConnectUi:PublicBaseUrl</c> is https, since then people reach the app over https whatever the last hop was.
/// </summary>
public sealed class StrictTransportSecurity(Uri? publicBaseUrl, bool isDevelopment)
{
    /// <summary>One year, the preload lists' minimum; subdomains are not ours to decide for.</summary>
    public const string HeaderValue = "max-age=31536000";

    /// <summary>The public address people reach the app at (validated with the other <c>ConnectUi</c> host settings).</summary>
    public const string PublicBaseUrlKey = "ConnectUi:PublicBaseUrl";

    private readonly bool _publicAddressIsHttps = publicBaseUrl?.Scheme == Uri.UriSchemeHttps;

    public bool Applies(HttpRequest request) => !isDevelopment && (_publicAddressIsHttps || request.IsHttps);
}
