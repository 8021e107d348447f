using System.Text.RegularExpressions;
using ConnectUi.Components.Layout;
using ConnectUi.E2E.Support;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;

namespace ConnectUi.E2E;

/// <summary>
/// The pages in the person's language: the picker switches in place and keeps what was typed (secrets too), the
/// browser language and a session's locale choose the first language, and whole journeys run in German and Japanese.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LanguageJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Switching_language_keeps_every_typed_value_secrets_included_and_rewrites_the_messages()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("#field-ApiLoginId").FillAsync("acme api");
        await page.Locator("#field-ApiPassword").FillAsync("s3cret-pass");
        await page.Locator("#field-ApiPassword").BlurAsync();
        await Assertions.Expect(page.Locator("#field-ApiLoginId-error")).ToHaveTextAsync(KonnektiveStrings.LoginIdWhitespace);

        // The picker's script asks the server to store the pick once the page shows it.
        var remembered = await page.RunAndWaitForResponseAsync(() => PickAsync(page, "de"), r => r.Url.EndsWith("/culture/de", StringComparison.Ordinal));

        Assert.Equal(204, remembered.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), "de", "Konnektive CRM"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page).ToHaveTitleAsync(Translated.Of<ConnectUi.Branding.BrandingStrings>(
            nameof(ConnectUi.Branding.BrandingStrings.PageTitle), "de", Translated.Of<ConnectStrings>(nameof(ConnectStrings.PageTitleConnect), "de", "Konnektive CRM"), "ConnectUi"));
        await Assertions.Expect(page.Locator("#field-ApiLoginId")).ToHaveValueAsync("acme api");
        await Assertions.Expect(page.Locator("#field-ApiPassword")).ToHaveValueAsync("s3cret-pass");
        await Assertions.Expect(page.Locator("#field-ApiLoginId-error")).ToHaveTextAsync(Translated.Of<KonnektiveStrings>(nameof(KonnektiveStrings.LoginIdWhitespace), "de"));
        await Assertions.Expect(page.GetByTestId("submit")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.Connect), "de"));
        await page.SaveScreenshotAsync("language-switched-de");

        // The pick is remembered in the standard cookie: the next visit opens in German.
        Assert.Equal("c%3Dde%7Cuic%3Dde", (await context.CookiesAsync()).Single(c => c.Name == ".AspNetCore.Culture").Value);
        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<CatalogStrings>(nameof(CatalogStrings.Heading), "de"));
    }

    [Fact]
    public async Task The_picker_works_before_the_page_is_interactive_too()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connect/connectwise-psa");

        await page.GetByTestId("language-picker").Locator("summary").ClickAsync();
        await page.GetByTestId("language-fr").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/connect/connectwise-psa$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), "fr", "ConnectWise PSA"));
    }

    [Fact]
    public async Task A_session_locale_outranks_the_browser_language_and_the_person_can_still_switch()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, locale: "de-DE");
        var page = await context.NewPageAsync();

        await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId = "language-user", allowedProviders = new[] { "konnektive" }, locale = "ja" }));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), "ja", "Konnektive CRM"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);

        await PickAsync(page, "es");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), "es", "Konnektive CRM"));
        await Assertions.Expect(page.Locator("#field-ApiLoginId")).ToHaveValueAsync(KonnektiveSandbox.LoginId);

        // Still the session's page: connecting uses it up, as in English.
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Translated.Of<ConnectStrings>(nameof(ConnectStrings.ConnectedHeading), "es", "Konnektive CRM") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("connect-another")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Japanese_Konnektive_wrong_values_then_a_refusal_then_right_values_connect(int width)
    {
        const string ja = "ja";
        await using var context = await browser.NewContextAsync(app.BaseUrl, width, locale: "ja-JP");
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<CatalogStrings>(nameof(CatalogStrings.Heading), ja));
        await page.GetByTestId("provider-card-konnektive").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), ja, "Konnektive CRM"));

        // The catalog had no circuit: the provider page opens one, as a first visit of it does.
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.ManyProblems), ja, 2));
        await Assertions.Expect(page.Locator("#field-ApiLoginId-error")).ToHaveTextAsync(Translated.Of<KonnektiveStrings>(nameof(KonnektiveStrings.LoginIdRequired), ja));
        await Assertions.Expect(page.Locator("#field-ApiPassword-error")).ToHaveTextAsync(Translated.Of<KonnektiveStrings>(nameof(KonnektiveStrings.PasswordRequired), ja));

        await page.Locator("#field-ApiPassword").FillAsync("pass&word");
        await page.Locator("#field-ApiPassword").BlurAsync();
        await Assertions.Expect(page.Locator("#field-ApiPassword-error")).ToHaveTextAsync(Translated.Of<KonnektiveStrings>(nameof(KonnektiveStrings.PasswordAmpersand), ja));
        await page.SaveScreenshotAsync($"ja-konnektive-wrong-{width}");

        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.IpNotAllowedLoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync(
            Translated.Of<KonnektiveStrings>(nameof(KonnektiveStrings.IpNotAllowed), ja, KonnektiveSandbox.ReportedIp));
        await page.SaveScreenshotAsync($"ja-konnektive-refused-{width}");

        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Translated.Of<ConnectStrings>(nameof(ConnectStrings.ConnectedHeading), ja, "Konnektive CRM") })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync($"ja-konnektive-connected-{width}");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task German_ConnectWise_wrong_values_then_a_refusal_then_right_values_connect(int width)
    {
        const string de = "de";
        await using var context = await browser.NewContextAsync(app.BaseUrl, width, locale: "de-DE");
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/connectwise-psa");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", de);

        await FillAndLeaveAsync(page, "Hostname", "https://cw.example.com:8443/v4_6_release");
        await FillAndLeaveAsync(page, "ApiVersion", "v2025");
        await FillAndLeaveAsync(page, "ClientId", "my-client-id");
        await FillAndLeaveAsync(page, "Username", "acmeAbCdEf123456");
        await Assertions.Expect(page.Locator("#field-ApiVersion-error")).ToHaveTextAsync(Translated.Of<ConnectWisePsaStrings>(nameof(ConnectWisePsaStrings.ApiVersionFormat), de));
        await Assertions.Expect(page.Locator("#field-ClientId-error")).ToHaveTextAsync(Translated.Of<ConnectWisePsaStrings>(nameof(ConnectWisePsaStrings.ClientIdFormat), de));
        await Assertions.Expect(page.Locator("#field-Username-error")).ToHaveTextAsync(Translated.Of<ConnectWisePsaStrings>(nameof(ConnectWisePsaStrings.UsernameNeedsPlus), de));
        await page.SaveScreenshotAsync($"de-connectwise-wrong-{width}");

        await page.Locator("#field-Hostname").FillAsync(CW.Hostname);
        await page.Locator("#field-ApiVersion").FillAsync(CW.ApiVersion);
        await page.Locator("#field-ClientId").FillAsync(CW.UnknownClientId);
        await page.Locator("#field-Username").FillAsync(CW.Username);
        await page.Locator("#field-Password").FillAsync(CW.Password);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync(Translated.Of<ConnectWisePsaStrings>(nameof(ConnectWisePsaStrings.InvalidClientId), de));
        // The alert says why; the field only points at it.
        await Assertions.Expect(page.Locator("#field-ClientId-error")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.FieldRefused), de, "ConnectWise PSA"));
        await page.SaveScreenshotAsync($"de-connectwise-refused-{width}");

        await page.Locator("#field-ClientId").FillAsync(CW.ClientId);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Translated.Of<ConnectStrings>(nameof(ConnectStrings.ConnectedHeading), de, "ConnectWise PSA") })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync($"de-connectwise-connected-{width}");
    }

    private static async Task PickAsync(IPage page, string culture)
    {
        await page.GetByTestId("language-picker").Locator("summary").ClickAsync();
        await page.GetByTestId($"language-{culture}").ClickAsync();
    }

    private static async Task FillAndLeaveAsync(IPage page, string field, string value)
    {
        await page.Locator($"#field-{field}").FillAsync(value);
        await page.Locator($"#field-{field}").BlurAsync();
    }
}
