using ConnectUi.E2E.Support;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

[Collection(E2ECollection.Name)]
public sealed class CircuitLossJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_connection_dropped_during_verification_saves_nothing_shows_the_reconnect_ui_and_the_page_recovers()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        // Every circuit WebSocket passes through the test, which can cut the current one as a network drop would.
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            circuit = socket;
        });
        await page.GotoInteractiveAsync("/connect/konnektive");
        var connectionsBefore = await app.CountConnectionsAsync();

        // The slow sandbox account never answers, so the check is still running when the network goes.
        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.SlowLoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit")).ToBeDisabledAsync();

        await circuit!.CloseAsync(new() { Code = 1011, Reason = "network drop" });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync("did not answer", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#field-ApiLoginId")).ToHaveValueAsync(KonnektiveSandbox.SlowLoginId);
        await Assertions.Expect(page.Locator("#field-ApiPassword")).ToHaveValueAsync(KonnektiveSandbox.Password);
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        Assert.Equal(connectionsBefore, await app.CountConnectionsAsync());
    }
}
