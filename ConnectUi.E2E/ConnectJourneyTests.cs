using System.Text;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

[Collection(E2ECollection.Name)]
public sealed class ConnectJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_person_links_Konnektive_with_the_keyboard_alone_and_no_secret_remains_in_the_page()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");

        await page.Locator("#field-ApiLoginId").FocusAsync();
        await page.Keyboard.TypeAsync(KonnektiveSandbox.LoginId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#field-ApiPassword")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(KonnektiveSandbox.Password);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show API Password" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#field-ApiPassword")).ToHaveAttributeAsync("type", "text");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();
        var connectionId = await page.GetByTestId("connection-id").InnerTextAsync();
        Assert.True(Guid.TryParse(connectionId, out _));
        // The form (and the guide's sandbox table) leaves once the focus has moved to the success heading.
        await Assertions.Expect(page.GetByTestId("submit")).ToHaveCountAsync(0);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(KonnektiveSandbox.Password, html);
        Assert.DoesNotContain(KonnektiveSandbox.Password, page.Url);
        await AssertDatabaseDoesNotContainAsync(KonnektiveSandbox.Password);
    }

    [Fact]
    public async Task The_heading_has_the_focus_once_the_page_is_interactive_unless_the_person_chose_a_field()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");

        // The circuit's first render replaced the heading the page focused when it loaded: the browser focuses the new one.
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_field_focused_the_moment_the_page_turns_interactive_keeps_the_focus_and_every_key()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        // Focuses the first field in the very task that shows the circuit's first render: the earliest a person could.
        await page.AddInitScriptAsync("""
            new MutationObserver((_, observer) => {
                const field = document.getElementById("field-Hostname");
                if (field && document.querySelector("[data-testid=interactive]")) {
                    observer.disconnect();
                    field.focus();
                }
            }).observe(document, { childList: true, subtree: true });
            """);
        await page.GotoInteractiveAsync("/connect/connectwise-psa");

        await page.Keyboard.TypeAsync(ConnectWisePsaSandbox.Hostname);
        // The form keeps its draft from its first after-render on, two answers from the browser after every other
        // first-render call of the circuit (a move of the focus among them): once the draft is kept, none is pending.
        await page.WaitForFunctionAsync(
            "host => Object.keys(sessionStorage).some(key => key.startsWith('connectui:draft:connectwise-psa:') && sessionStorage.getItem(key).includes(host))",
            ConnectWisePsaSandbox.Hostname);
        await Assertions.Expect(page.Locator("#field-Hostname")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#field-Hostname")).ToHaveValueAsync(ConnectWisePsaSandbox.Hostname);
    }

    [Fact]
    public async Task A_refused_ConnectWise_password_is_flagged_on_its_field_with_the_step_and_nothing_typed_is_lost()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/connectwise-psa");

        await page.Locator("#field-Hostname").FillAsync("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/");
        await Assertions.Expect(page.Locator("#field-Hostname")).ToHaveValueAsync("api-na.myconnectwise.net");
        await Assertions.Expect(page.GetByTestId("note-Hostname")).ToContainTextAsync("We kept only the hostname");
        await page.Locator("#field-ApiVersion").FillAsync(ConnectWisePsaSandbox.ApiVersion);
        await page.Locator("#field-ClientId").FillAsync(ConnectWisePsaSandbox.ClientId);
        await page.Locator("#field-Username").FillAsync(ConnectWisePsaSandbox.Username);
        await page.Locator("#field-Password").FillAsync(ConnectWisePsaSandbox.WrongPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync("did not accept");
        await Assertions.Expect(page.Locator("#field-Password-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByTestId("problem-step-link")).ToContainTextAsync("Get your Client ID and API keys");
        await Assertions.Expect(page.Locator("li#step-2-get-your-client-id-and-api-keys")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("guide-step--highlighted"));
        await Assertions.Expect(page.Locator("#field-Password")).ToHaveValueAsync(ConnectWisePsaSandbox.WrongPassword);
        await Assertions.Expect(page.Locator("#field-Username")).ToHaveValueAsync(ConnectWisePsaSandbox.Username);
        await Assertions.Expect(page.Locator("#field-ClientId")).ToHaveValueAsync(ConnectWisePsaSandbox.ClientId);
        await page.GetByText("Technical details (for support)").ClickAsync();
        var details = await page.GetByTestId("technical-details").InnerTextAsync();
        Assert.DoesNotContain(ConnectWisePsaSandbox.WrongPassword, details);
        Assert.DoesNotContain(ConnectWisePsaSandbox.ClientId, details);

        await page.Locator("#field-Password").FillAsync(ConnectWisePsaSandbox.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ConnectWise PSA is connected" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Where_do_I_find_this_scrolls_to_the_step_on_a_phone()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, width: 390);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/connectwise-psa");

        await page.GetByTestId("where-ClientId").ClickAsync();

        var step = page.Locator("li#step-2-get-your-client-id-and-api-keys");
        await Assertions.Expect(step).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("guide-step--highlighted"));
        await Assertions.Expect(step).ToBeInViewportAsync();
        await Assertions.Expect(step.Locator("[data-step-heading]")).ToBeFocusedAsync();
    }

    private async Task AssertDatabaseDoesNotContainAsync(string secret)
    {
        foreach (var bytes in await app.ReadDatabaseBytesAsync())
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
    }
}
