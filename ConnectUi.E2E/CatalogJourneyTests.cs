using ConnectUi.E2E.Support;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Connect;
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
    public async Task A_provider_page_opened_from_the_catalog_gives_its_heading_the_focus_once_it_is_interactive()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");

        // The catalog has no circuit: the click is an enhanced navigation to a page that starts one, and the circuit's first
        // render replaces the heading the navigation focused.
        await page.Locator("a.provider-card", new() { HasText = "Konnektive" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Back_to_the_catalog_from_a_provider_page_and_forth_again_the_search_and_the_focus_still_work()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");

        // Inside the provider page's circuit, "All providers" shows the catalog in the same circuit.
        await page.GetByTestId("back-to-catalog").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect an account", Level = 1 })).ToBeFocusedAsync();
        await page.GetByLabel("Search providers").PressSequentiallyAsync("connectw");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 provider");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?q=connectw$"));
        // A language link opened in a new tab comes back to the same results.
        await Assertions.Expect(page.GetByTestId("language-de")).ToHaveAttributeAsync(
            "href", new System.Text.RegularExpressions.Regex(@"returnUrl=%2F%3Fq%3Dconnectw$"));

        await page.Locator("a.provider-card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect ConnectWise PSA", Level = 1 })).ToBeFocusedAsync();

        // The browser's back button returns to the catalog with the search as it was.
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByLabel("Search providers")).ToHaveValueAsync("connectw");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_catalog_opens_no_circuit_yet_searches_filters_and_keeps_the_criteria_in_the_address()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var circuits = 0;
        page.WebSocket += (_, socket) => circuits += socket.Url.Contains("/_blazor", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoInteractiveAsync("/");
        var search = page.GetByLabel("Search providers");

        await search.PressSequentiallyAsync("konn");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("provider-card-konnektive")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?q=konn$"));
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 provider");
        await Assertions.Expect(search).ToBeFocusedAsync();

        // A category the match is not in: the empty state names both criteria, and its button starts again from the search.
        var ticketing = page.GetByTestId("category-filter").GetByRole(AriaRole.Button, new() { Name = "Ticketing" });
        await ticketing.ClickAsync();
        await Assertions.Expect(ticketing).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToContainTextAsync("konn");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?q=konn&category=Ticketing$"));
        await Assertions.Expect(ticketing).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear search and filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(2);
        await Assertions.Expect(search).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(search).ToBeFocusedAsync();
        await Assertions.Expect(ticketing).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        // A reload keeps what the address says.
        await search.FillAsync("ConnectWise");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Assertions.Expect(search).ToHaveValueAsync("ConnectWise");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);

        // The brand link swaps the page in place (enhanced navigation): the new catalog answers input as the first did.
        await page.GetByTestId("brand").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(2);
        await search.FillAsync("ConnectWise");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?q=ConnectWise$"));
        Assert.Equal(0, circuits);

        // The provider page opens the first circuit.
        await page.Locator("a.provider-card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect ConnectWise PSA", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(1, circuits);
    }

    [Fact]
    public async Task A_language_switch_after_a_search_keeps_the_search()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        await page.GetByLabel("Search providers").FillAsync("konn");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?q=konn$"));

        await page.GetByTestId("language-picker").Locator("summary").ClickAsync();
        await page.GetByTestId("language-de").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.GetByTestId("catalog-search")).ToHaveValueAsync("konn");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Under_a_session_the_catalog_lives_in_the_sessions_circuit_and_leads_to_its_providers()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(await app.CreateSessionAsync(
            new { endUserId = "catalog-user", allowedProviders = new[] { "konnektive", "connectwise-psa" }, locale = "fr" }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<CatalogStrings>(nameof(CatalogStrings.Heading), "fr"));
        await Assertions.Expect(page.Locator("[data-static-catalog]")).ToHaveCountAsync(0);

        await page.GetByTestId("catalog-search").FillAsync("konn");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);
        await page.Locator("a.provider-card").ClickAsync();

        // The session came along (it lives in the circuit): the provider page still speaks its language.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Translated.Of<ConnectStrings>(nameof(ConnectStrings.HeadingConnect), "fr", "Konnektive CRM"));
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

    [Fact]
    public async Task A_search_without_match_keeps_a_valid_aria_reference_and_offers_one_clear_button()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        var search = page.GetByLabel("Search providers");

        await search.FillAsync("zzz");

        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        var controls = await search.GetAttributeAsync("aria-controls");
        Assert.NotNull(controls);
        await Assertions.Expect(page.Locator($"#{controls}")).ToHaveCountAsync(1);

        // MudBlazor's clear button is the only one: a text input in the searchbox role has no browser cancel button.
        var clearButtons = page.Locator(".catalog-search button:visible");
        await Assertions.Expect(clearButtons).ToHaveCountAsync(1);
        await Assertions.Expect(search).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search providers" })).ToHaveCountAsync(1);

        await clearButtons.ClickAsync();
        await Assertions.Expect(search).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(2);
    }

    [Theory]
    [InlineData("/", "light")]
    [InlineData("/", "dark")]
    [InlineData("/connect/konnektive", "light")]
    [InlineData("/connect/konnektive", "dark")]
    [InlineData("/connect/connectwise-psa", "light")]
    [InlineData("/connect/connectwise-psa", "dark")]
    public async Task Placeholders_have_at_least_4_5_to_1_contrast(string path, string scheme)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, colorScheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(path);

        var inputs = page.Locator("input[placeholder]");
        var count = await inputs.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            // The placeholder shows once the field has the focus (the label moves up).
            await inputs.Nth(i).FocusAsync();
            var colours = await inputs.Nth(i).EvaluateAsync<string[]>("""
                e => {
                    let background = "rgba(0, 0, 0, 0)";
                    for (let n = e; n && background === "rgba(0, 0, 0, 0)"; n = n.parentElement) background = getComputedStyle(n).backgroundColor;
                    return [getComputedStyle(e, "::placeholder").color, background];
                }
                """);
            var ratio = CssContrast.Ratio(colours[0], colours[1]);
            Assert.True(ratio >= 4.5, $"{path} ({scheme}) placeholder {colours[0]} on {colours[1]}: {ratio:0.00}:1");
        }
    }
}
