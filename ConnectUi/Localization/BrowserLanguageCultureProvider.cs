using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace ConnectUi.Localization;

/// <summary>
/// Reads <c>Accept-Language</c> in quality order and picks the first language we speak, matching by language too:
/// <c>de-CH</c> gets German and <c>pt-PT</c> Brazilian Portuguese rather than English.
/// </summary>
public sealed class BrowserLanguageCultureProvider : RequestCultureProvider
{
    /// <summary>Header entries looked at, as ASP.NET Core's own provider does, so a huge header costs nothing.</summary>
    private const int MaxLanguages = 5;

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var match = header
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Take(MaxLanguages)
            .Select(l => SupportedCultures.Closest(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(match is null ? null : new ProviderCultureResult(match));
    }
}
