namespace ConnectUi.Components.Layout;

/// <summary>
/// Asks Chromium-based browsers for the person's light/dark preference as a client hint, so the
/// prerendered page already has the right theme instead of flashing light before the circuit starts.
/// Browsers without the hint get the theme from JavaScript once the page is interactive.
/// </summary>
public static class ColorSchemeHint
{
    public const string HeaderName = "Sec-CH-Prefers-Color-Scheme";

    public static bool PrefersDark(HttpContext? context) =>
        context is not null && string.Equals(context.Request.Headers[HeaderName].ToString().Trim('"'), "dark", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseColorSchemeHint(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.Response.Headers["Accept-CH"] = HeaderName;
                context.Response.Headers["Critical-CH"] = HeaderName;
                context.Response.Headers.Append("Vary", HeaderName);
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
