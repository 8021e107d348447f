using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

[Collection(E2ECollection.Name)]
public sealed class CatalogJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_person_finds_a_provider_by_its_former_name_and_opens_it_with_the_keyboard()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect an account" })).ToBeVisibleAsync();

        await page.GetByLabel("Search providers").FillAsync("ConnectWise Manage");

        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await page.Locator("a.provider-card").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connect/connectwise-psa$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect ConnectWise PSA", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_provider_link_answers_404_with_a_way_back()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/connect/salesforce");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse all providers" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(2);
    }

    [Theory]
    [InlineData(ColorScheme.Dark, "rgb(21, 23, 28)")]
    [InlineData(ColorScheme.Light, "rgb(246, 247, 251)")]
    public async Task The_page_follows_the_systems_colour_scheme_before_any_script_runs(ColorScheme scheme, string background)
    {
        // The theme is a stylesheet with the dark palette under prefers-color-scheme: no script, no circuit, no flash.
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ColorScheme = scheme, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connect/konnektive");

        Assert.Equal(background, await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task The_page_switches_theme_when_the_system_does()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        Assert.Equal("rgb(21, 23, 28)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }
}
