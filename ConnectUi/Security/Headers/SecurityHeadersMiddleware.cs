using ConnectUi.Security.Transport;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Headers;

/// <summary>
/// Adds the security headers to every response, just before it starts, so error pages and re-executed status pages
/// (which clear headers set earlier) carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<FramingOptions> framing, StrictTransportSecurity hsts)
{
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private readonly string _policy = ContentSecurityPolicy.Build(framing.Value.FrameAncestors);
    private readonly string _neverFramedPolicy = ContentSecurityPolicy.BuildNeverFramed();
    private readonly bool _onlySameOrigin = framing.Value.OnlySameOrigin;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (middleware, context, neverFramed) = ((SecurityHeadersMiddleware, HttpContext, bool))state;
            middleware.Apply(context, neverFramed);
            return Task.CompletedTask;
        }, (this, context, framing.Value.IsNeverFramed(context.Request.Path)));
        return next(context);
    }

    /// <param name="neverFramed">Whether the request was for a page that is never framed (a staff page), decided before a status page re-executes it elsewhere.</param>
    private void Apply(HttpContext context, bool neverFramed)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = (neverFramed ? _neverFramedPolicy : _policy).Replace(ContentSecurityPolicy.NoncePlaceholder, CspNonce.Of(context), StringComparison.Ordinal);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (hsts.Applies(context.Request))
        {
            headers.StrictTransportSecurity = StrictTransportSecurity.HeaderValue;
        }

        // Old browsers ignore frame-ancestors; X-Frame-Options cannot list origins, so it is sent only when no other
        // origin may frame us. Otherwise antiforgery's own SAMEORIGIN must go too, or it would block the allowed hosts.
        if (neverFramed)
        {
            headers.XFrameOptions = "DENY";
        }
        else if (_onlySameOrigin)
        {
            headers.XFrameOptions = "SAMEORIGIN";
        }
        else
        {
            headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.XFrameOptions);
        }
    }
}

public static class SecurityHeadersApplicationBuilderExtensions
{
    /// <summary>Content-Security-Policy, nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options and (when it applies) HSTS on every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}
