using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>Catalog → search → provider → the form filled wrongly, then rightly, at desktop and phone width.</summary>
[Collection(E2ECollection.Name)]
public sealed class ProviderFormJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "light")]
    [InlineData(390, "dark")]
    public async Task Konnektive_wrong_values_are_explained_next_to_their_fields_then_right_ones_connect(int width, string scheme)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await OpenFromCatalogAsync(page, "Checkout Champ", "Konnektive CRM");

        await TypeAndLeaveAsync(page, "ApiLoginId", "acme api");
        await TypeAndLeaveAsync(page, "ApiPassword", "pass&word");

        await ExpectErrorAsync(page, "ApiLoginId", KonnektiveStrings.LoginIdWhitespace);
        await ExpectErrorAsync(page, "ApiPassword", KonnektiveStrings.PasswordAmpersand);
        await page.SaveScreenshotAsync($"konnektive-wrong-{width}-{scheme}");

        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await Assertions.Expect(page.Locator("#field-ApiPassword-error")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync($"konnektive-connected-{width}-{scheme}");
    }

    [Theory]
    [InlineData(1280, "dark")]
    [InlineData(390, "light")]
    public async Task ConnectWise_wrong_values_are_explained_next_to_their_fields_then_right_ones_connect(int width, string scheme)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await OpenFromCatalogAsync(page, "ConnectWise Manage", "ConnectWise PSA");

        await TypeAndLeaveAsync(page, "Hostname", "cw.example.com:8443");
        await TypeAndLeaveAsync(page, "ApiVersion", "v2025");
        await TypeAndLeaveAsync(page, "ClientId", "my-client-id");
        await TypeAndLeaveAsync(page, "Username", "acmeAbCdEf123456");
        await TypeAndLeaveAsync(page, "Password", "x");

        await ExpectErrorAsync(page, "Hostname", ConnectWisePsaStrings.HostnameHasPort);
        await ExpectErrorAsync(page, "ApiVersion", ConnectWisePsaStrings.ApiVersionFormat);
        await ExpectErrorAsync(page, "ClientId", ConnectWisePsaStrings.ClientIdFormat);
        await ExpectErrorAsync(page, "Username", ConnectWisePsaStrings.UsernameNeedsPlus);
        await page.SaveScreenshotAsync($"connectwise-wrong-{width}-{scheme}");

        await page.Locator("#field-Hostname").FillAsync(ConnectWisePsaSandbox.Hostname);
        await page.Locator("#field-ApiVersion").FillAsync(ConnectWisePsaSandbox.ApiVersion);
        await page.Locator("#field-ClientId").FillAsync(ConnectWisePsaSandbox.ClientId);
        await page.Locator("#field-Username").FillAsync(ConnectWisePsaSandbox.Username);
        await page.Locator("#field-Password").FillAsync(ConnectWisePsaSandbox.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ConnectWise PSA is connected" })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync($"connectwise-connected-{width}-{scheme}");
    }

    private static async Task OpenFromCatalogAsync(IPage page, string search, string providerName)
    {
        await page.GotoInteractiveAsync("/");
        await page.GetByLabel("Search providers").FillAsync(search);
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await page.Locator("a.provider-card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Connect {providerName}", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task TypeAndLeaveAsync(IPage page, string field, string value)
    {
        await page.Locator($"#field-{field}").FillAsync(value);
        await page.Locator($"#field-{field}").BlurAsync();
    }

    private static Task ExpectErrorAsync(IPage page, string field, string message) =>
        Assertions.Expect(page.Locator($"#field-{field}-error")).ToHaveTextAsync(message);
}
