using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>axe on every page and every state a person can reach, in both themes: no violation of any impact.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    /// <summary>Each page and state, by name; <see cref="OpenAsync"/> brings a page into it.</summary>
    public static readonly string[] States =
    [
        "catalog", "catalog-no-match", "not-found", "expired-link",
        "konnektive", "konnektive-empty-submit", "konnektive-refused", "konnektive-ip-refused", "konnektive-connected",
        "connectwise-psa", "connectwise-psa-empty-submit", "connectwise-psa-refused", "connectwise-psa-connected",
    ];

    public static TheoryData<string, string> StatesInBothThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            data.Add(state, "light");
            data.Add(state, "dark");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatesInBothThemes))]
    public async Task Every_page_and_state_has_no_axe_violation_of_any_impact(string state, string scheme)
    {
        // Light at desktop width and dark on a phone, so each state is seen at both sizes and in both themes.
        var colorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        await using var context = scheme == "dark"
            ? await browser.NewPhoneContextAsync(app.BaseUrl, colorScheme: colorScheme)
            : await browser.NewContextAsync(app.BaseUrl, 1280, colorScheme);
        var page = await context.NewPageAsync();
        await OpenAsync(page, state);

        var results = await page.RunAxeForViolationsAsync();

        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToArray();
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
        await page.SaveScreenshotAsync($"axe-{state}-{scheme}");
    }

    public static TheoryData<string, string> StatesInGermanAndJapanese()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            data.Add(state, "de");
            data.Add(state, "ja");
        }

        return data;
    }

    /// <summary>
    /// The same pages and states in German (desktop, light) and Japanese (phone, dark): longer words and another script
    /// must not break names, labels, contrast or the <c>lang</c> of the page.
    /// </summary>
    [Theory]
    [MemberData(nameof(StatesInGermanAndJapanese))]
    public async Task Every_page_and_state_in_German_and_Japanese_has_no_axe_violation_of_any_impact(string state, string culture)
    {
        await using var context = culture == "ja"
            ? await browser.NewPhoneContextAsync(app.BaseUrl, colorScheme: ColorScheme.Dark)
            : await browser.NewContextAsync(app.BaseUrl, 1280, ColorScheme.Light, locale: culture);
        if (culture == "ja")
        {
            // The phone context has no locale parameter: the language menu's cookie chooses Japanese, as a person would.
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=ja|uic=ja", Url = app.BaseUrl }]);
        }

        var page = await context.NewPageAsync();
        await OpenAsync(page, state);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

        var results = await page.RunAxeForViolationsAsync();

        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToArray();
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
        await page.SaveScreenshotAsync($"axe-{state}-{culture}");
    }

    [Fact]
    public async Task Form_errors_are_tied_to_their_fields()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");

        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("role", "alert");
        var password = page.GetByLabel("API Password", new() { Exact = false }).First;
        await Assertions.Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await password.GetAttributeAsync("aria-describedby") ?? string.Empty;
        Assert.Contains("field-ApiPassword-error", describedBy);
    }

    private static async Task OpenAsync(IPage page, string state)
    {
        switch (state)
        {
            case "catalog":
                await page.GotoInteractiveAsync("/");
                break;
            case "catalog-no-match":
                await page.GotoInteractiveAsync("/");
                await page.Locator(".catalog-search input").FillAsync("zzz");
                await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
                break;
            case "not-found":
                await page.GotoInteractiveAsync("/connect/nothing-here");
                break;
            case "expired-link":
                await page.GotoInteractiveAsync("/connect?session=not-a-real-token");
                await Assertions.Expect(page.GetByTestId("session-expired")).ToBeVisibleAsync();
                break;
            case "konnektive" or "connectwise-psa":
                await page.GotoInteractiveAsync($"/connect/{state}");
                break;
            case "konnektive-empty-submit" or "connectwise-psa-empty-submit":
                await page.GotoInteractiveAsync($"/connect/{state.Replace("-empty-submit", string.Empty)}");
                await page.GetByTestId("submit").ClickAsync();
                await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
                break;
            case "konnektive-refused":
                await SubmitKonnektiveAsync(page, KonnektiveSandbox.LoginId, KonnektiveSandbox.WrongPassword);
                await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeFocusedAsync();
                break;
            case "konnektive-ip-refused":
                await SubmitKonnektiveAsync(page, KonnektiveSandbox.IpNotAllowedLoginId, KonnektiveSandbox.Password);
                await Assertions.Expect(page.GetByTestId("egress-ips").Locator("code")).ToBeVisibleAsync();
                break;
            case "konnektive-connected":
                await SubmitKonnektiveAsync(page, KonnektiveSandbox.LoginId, KonnektiveSandbox.Password);
                await Assertions.Expect(page.GetByTestId("connect-success")).ToBeVisibleAsync();
                break;
            case "connectwise-psa-refused":
                await SubmitConnectWiseAsync(page, ConnectWisePsaSandbox.UnknownClientId);
                await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeFocusedAsync();
                break;
            case "connectwise-psa-connected":
                await SubmitConnectWiseAsync(page, ConnectWisePsaSandbox.ClientId);
                await Assertions.Expect(page.GetByTestId("connect-success")).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown page state.");
        }
    }

    private static async Task SubmitKonnektiveAsync(IPage page, string loginId, string password)
    {
        await page.GotoInteractiveAsync($"/connect/{KonnektiveProvider.Id}");
        await page.Locator("#field-ApiLoginId").FillAsync(loginId);
        await page.Locator("#field-ApiPassword").FillAsync(password);
        await page.GetByTestId("submit").ClickAsync();
    }

    private static async Task SubmitConnectWiseAsync(IPage page, string clientId)
    {
        await page.GotoInteractiveAsync($"/connect/{ConnectWisePsaProvider.Id}");
        await page.Locator("#field-Hostname").FillAsync(ConnectWisePsaSandbox.Hostname);
        await page.Locator("#field-ApiVersion").FillAsync(ConnectWisePsaSandbox.ApiVersion);
        await page.Locator("#field-ClientId").FillAsync(clientId);
        await page.Locator("#field-Username").FillAsync(ConnectWisePsaSandbox.Username);
        await page.Locator("#field-Password").FillAsync(ConnectWisePsaSandbox.Password);
        await page.GetByTestId("submit").ClickAsync();
    }
}
