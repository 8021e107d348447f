using Microsoft.AspNetCore.Localization;

namespace ConnectUi.Localization;

/// <summary>The standard <c>.AspNetCore.Culture</c> cookie, which <see cref="CookieRequestCultureProvider"/> reads.</summary>
public static class CultureCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public static void Write(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                MaxAge = Lifetime,
                Path = "/",
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
}
