namespace ConnectUi.Security.Headers;

/// <summary>The Content-Security-Policy of every page, built once at start with a placeholder for the per-request nonce.</summary>
public static class ContentSecurityPolicy
{
    internal const string NoncePlaceholder = "{nonce}";

    /// <summary>
    /// Scripts only from this origin, plus inline scripts carrying the request's nonce (the importmap Blazor renders).
    /// Styles allow 'unsafe-inline': MudBlazor components write style attributes and &lt;style&gt; elements at run time,
    /// which no nonce or hash can cover; injected CSS cannot run script, and script stays strict.
    /// connect-src 'self' also covers the circuit's ws:/wss: connection (CSP Level 3, Chromium and Firefox).
    /// </summary>
    /// <param name="frameAncestors">The <c>frame-ancestors</c> sources (<see cref="FramingOptions.FrameAncestors"/>).</param>
    public static string Build(string frameAncestors) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{NoncePlaceholder}'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {frameAncestors}");

    /// <summary>For pages that are never framed (<see cref="FramingOptions.NeverFramed"/>), whatever <c>Embedding:AllowedOrigins</c> allows the customer pages.</summary>
    public static string BuildNeverFramed() => Build("'none'");
}
