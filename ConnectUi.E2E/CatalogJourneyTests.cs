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

    [Fact]
    public async Task A_browser_that_prefers_dark_gets_the_dark_theme_already_in_the_prerendered_page()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, colorScheme: ColorScheme.Dark);
        var page = await context.NewPageAsync();

        // The first answer asks for the hint (Accept-CH); from then on the browser sends it with every page.
        await page.GotoAsync("/");
        var response = await page.GotoAsync("/connect/konnektive");

        Assert.Contains("--mud-palette-background: rgba(21,23,28,1)", await response!.TextAsync());
    }
}
