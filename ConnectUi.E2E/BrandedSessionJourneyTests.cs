using System.Net;
using System.Net.Http.Json;
using ConnectUi.E2E.Support;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>A host passes its brand with the session: the pages carry its name, logo and colours, and stay accessible.</summary>
[Collection(E2ECollection.Name)]
public sealed class BrandedSessionJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    private const string ProductName = "Acme Books";

    // A 24 x 24 purple rounded square with a white "A": small enough for a session request.
    private const string Logo = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHJlY3Qgd2lkdGg9IjI0IiBoZWlnaHQ9IjI0IiByeD0iNSIgZmlsbD0iIzZhMWI5YSIvPjxwYXRoIGQ9Ik03IDE5bDUtMTQgNSAxNGgtM2wtMS0zaC0ybC0xIDN6bTQuMi01LjVoMS42TDEyIDExeiIgZmlsbD0iI2ZmZiIvPjwvc3ZnPg==";

    private static readonly object Branding = new
    {
        productName = ProductName,
        logo = Logo,
        primaryColor = "#6a1b9a",
        primaryColorDark = "#ce93d8",
    };

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 390)]
    public async Task A_branded_session_shows_the_hosts_name_logo_and_colours_and_stays_accessible(string scheme, int width)
    {
        var connectUrl = await app.CreateSessionAsync(new { endUserId = "brand-user", allowedProviders = new[] { KonnektiveProvider.Id }, branding = Branding });
        var colorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        await using var context = width < 600
            ? await browser.NewPhoneContextAsync(app.BaseUrl, width, colorScheme)
            : await browser.NewContextAsync(app.BaseUrl, width, colorScheme);
        var page = await context.NewPageAsync();

        await page.GotoInteractiveAsync(connectUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/connect/{KonnektiveProvider.Id}$"));

        await Assertions.Expect(page.GetByTestId("brand")).ToContainTextAsync(ProductName);
        await Assertions.Expect(page.GetByTestId("brand-logo")).ToHaveAttributeAsync("src", Logo);
        await Assertions.Expect(page).ToHaveTitleAsync($"Connect {KonnektiveProvider.Definition.DisplayName} · {ProductName}");
        // Retried: the session's stylesheet arrives after the page, and the button's colour eases into it.
        await Assertions.Expect(page.GetByTestId("submit"))
            .ToHaveCSSAsync("background-color", scheme == "dark" ? "rgb(206, 147, 216)" : "rgb(106, 27, 154)");

        var results = await page.RunAxeForViolationsAsync();
        Assert.True(results.Violations.Length == 0, string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await page.SaveViewportScreenshotAsync($"branded-{scheme}-{width}");

        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("next-use")).ToHaveTextAsync(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, ConnectStrings.NextUseNamedHost, ProductName), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("brand")).ToContainTextAsync(ProductName);
        results = await page.RunAxeForViolationsAsync();
        Assert.True(results.Violations.Length == 0, string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task A_brand_colour_without_enough_contrast_is_refused_by_the_host_api()
    {
        using var client = app.CreateHostApiClient();

        using var response = await client.PostAsJsonAsync("api/connect/sessions", new { endUserId = "brand-user", branding = new { primaryColor = "#3b82f6" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4.5:1", await response.Content.ReadAsStringAsync());
    }
}
