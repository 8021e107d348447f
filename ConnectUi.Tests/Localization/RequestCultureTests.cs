using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Session;
using ConnectUi.Localization;
using ConnectUi.Tests.HostApi;
using Microsoft.AspNetCore.Localization;

namespace ConnectUi.Tests.Localization;

/// <summary>
/// Which language a page is served in, first match wins: the connect session's locale, the picker's
/// <c>.AspNetCore.Culture</c> cookie, <c>Accept-Language</c>, then English; <c>&lt;html lang&gt;</c> follows.
/// </summary>
public sealed partial class RequestCultureTests : IAsyncLifetime
{
    private HostApiTestApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApiTestApp(new Dictionary<string, string?> { ["ConnectUi:Sessions:Required"] = "false" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, "en")]
    [InlineData("de", "de")]
    [InlineData("de-CH,de;q=0.9,en;q=0.8", "de")]
    [InlineData("ja-JP", "ja")]
    [InlineData("pt-PT,pt;q=0.9", "pt-BR")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-419", "es")]
    [InlineData("nl-NL,nl;q=0.9", "en")]
    [InlineData("nl,es;q=0.5", "es")]
    [InlineData("de;q=0", "en")]
    public async Task The_browser_language_picks_the_closest_supported_culture(string? acceptLanguage, string expected)
    {
        var page = await GetAsync("/", acceptLanguage: acceptLanguage);

        Assert.Equal(expected, page.Lang);
        Assert.Contains(Text<CatalogStrings>(nameof(CatalogStrings.Heading), expected), page.Text);
    }

    [Fact]
    public async Task The_picker_cookie_outranks_the_browser_language()
    {
        var page = await GetAsync("/", acceptLanguage: "de", cookieCulture: "ja");

        Assert.Equal("ja", page.Lang);
        Assert.Contains(Text<CatalogStrings>(nameof(CatalogStrings.Heading), "ja"), page.Text);
    }

    [Fact]
    public async Task A_cookie_naming_an_unsupported_culture_falls_back_to_the_browser_language()
    {
        var page = await GetAsync("/", acceptLanguage: "fr", cookieCulture: "nl");

        Assert.Equal("fr", page.Lang);
    }

    [Fact]
    public async Task The_session_locale_outranks_the_picker_cookie_and_the_browser_language()
    {
        var connectUrl = await CreateSessionAsync(new { endUserId = "user-1", locale = "ja" });

        var page = await GetAsync(connectUrl, acceptLanguage: "de", cookieCulture: "fr");

        Assert.Equal("ja", page.Lang);
        Assert.Contains(Text<SessionStrings>(nameof(SessionStrings.Opening), "ja"), page.Text);
    }

    [Fact]
    public async Task An_expired_session_link_still_speaks_the_session_locale()
    {
        var connectUrl = await CreateSessionAsync(new { endUserId = "user-1", locale = "pt-BR" });
        _app.Time.Advance(TimeSpan.FromHours(1));

        var page = await GetAsync(connectUrl, acceptLanguage: "de");

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("pt-BR", page.Lang);
        Assert.Contains(Text<SessionStrings>(nameof(SessionStrings.ExpiredHeading), "pt-BR"), page.Text);
    }

    [Fact]
    public async Task A_session_without_a_locale_leaves_the_choice_to_the_cookie()
    {
        var connectUrl = await CreateSessionAsync(new { endUserId = "user-1" });

        var page = await GetAsync(connectUrl, acceptLanguage: "de", cookieCulture: "es");

        Assert.Equal("es", page.Lang);
    }

    [Fact]
    public async Task The_not_found_page_is_translated_too()
    {
        var page = await GetAsync("/connect/no-such-provider", acceptLanguage: "fr");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("fr", page.Lang);
        Assert.Contains(Text<ConnectUi.Features.NotFound.NotFoundStrings>(nameof(ConnectUi.Features.NotFound.NotFoundStrings.Heading), "fr"), page.Text);
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("PT-br", "pt-BR")]
    public async Task The_culture_endpoint_sets_the_standard_cookie_and_returns_to_the_page(string name, string stored)
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture/{name}?returnUrl={Uri.EscapeDataString("/connect/konnektive?x=1")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connect/konnektive?x=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString($"c={stored}|uic={stored}")};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_culture_endpoint_never_redirects_off_site(string returnUrl)
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture/de?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_culture_endpoint_answers_204_to_the_pickers_script_and_404_to_an_unsupported_culture()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var script = await client.GetAsync("/culture/ja");
        using var unknown = await client.GetAsync("/culture/nl?returnUrl=/");

        Assert.Equal(HttpStatusCode.NoContent, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(unknown.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Host_api_problems_stay_English_whatever_the_browser_language()
    {
        using var client = _app.CreateHostClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        using var response = await client.PostAsJsonAsync("api/connect/sessions", new { endUserId = "user-1", locale = "nl" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var message = Assert.Single(body.RootElement.GetProperty("errors").GetProperty("locale").EnumerateArray()).GetString();
        Assert.Equal("locale must be one of en, de, fr, es, ja, pt-BR.", message);
    }

    [Fact]
    public async Task A_session_stores_its_locale_in_canonical_spelling()
    {
        await CreateSessionAsync(new { endUserId = "user-1", locale = "pt-br" });

        Assert.Equal("pt-BR", Assert.Single(await _app.SessionRowsAsync()).Locale);
    }

    private static string Text<TStrings>(string key, string culture) =>
        ((ResourceManager)typeof(TStrings).GetProperty("ResourceManager")!.GetValue(null)!).GetString(key, CultureInfo.GetCultureInfo(culture))!;

    private async Task<string> CreateSessionAsync(object body)
    {
        using var client = _app.CreateHostClient();
        using var response = await client.PostAsJsonAsync("api/connect/sessions", body);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("connectUrl").GetString()!;
    }

    private async Task<ServedPage> GetAsync(string url, string? acceptLanguage = null, string? cookieCulture = null)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (cookieCulture is not null)
        {
            request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(cookieCulture)))}");
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return new ServedPage(response.StatusCode, HtmlLang().Match(html).Groups[1].Value, WebUtility.HtmlDecode(html));
    }

    private sealed record ServedPage(HttpStatusCode Status, string Lang, string Text);

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex HtmlLang();
}
