using Microsoft.AspNetCore.Localization;

namespace ConnectUi.Sessions;

/// <summary>
/// The locale a host gave the connect session, for the request that opens the session's link
/// (<c>/connect?session=…</c>): that page is first rendered in it. The circuit then keeps it (the session start page
/// sets the circuit's culture), since later requests no longer carry the token. Registered by <c>AddSessions</c>
/// ahead of the language picker's cookie and the browser's languages.
/// </summary>
public sealed class SessionLocaleCultureProvider : RequestCultureProvider
{
    public const string SessionStartPath = "/connect";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!HttpMethods.IsGet(httpContext.Request.Method)
            || !httpContext.Request.Path.Equals(SessionStartPath, StringComparison.OrdinalIgnoreCase)
            || httpContext.Request.Query["session"] is not [{ } token])
        {
            return null;
        }

        var sessions = httpContext.RequestServices.GetRequiredService<ISessionService>();
        var lookup = await sessions.FindAsync(token, httpContext.RequestAborted);
        return lookup.Session?.Locale is { } locale ? new ProviderCultureResult(locale) : null;
    }
}
