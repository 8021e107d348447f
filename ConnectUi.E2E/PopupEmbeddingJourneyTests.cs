using System.Net.Http.Json;
using System.Text.Json;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.Konnektive;
using Microsoft.Playwright;
using K = ConnectUi.Providers.Konnektive.KonnektiveSandbox;

namespace ConnectUi.E2E;

/// <summary>
/// A host page opens ConnectUi with <c>window.open</c>: the opener hears <c>ready</c>, <c>error</c>, <c>connected</c> and
/// <c>closed</c>, carrying ids and outcome names but no secret, and only a page on an allowed origin hears them at all.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PopupEmbeddingJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    /// <summary>Not in <c>ConnectUi:Embedding:AllowedOrigins</c>; like the allowed host, served by the test's own route, never the network.</summary>
    private const string OtherOrigin = "https://elsewhere.example";

    [Fact]
    public async Task The_example_host_opens_ConnectUi_in_a_popup_and_hears_ready_error_and_connected_without_secrets()
    {
        var endUserId = "popup-" + Guid.NewGuid().ToString("N");
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var (page, popup) = await OpenExampleHostPopupAsync(context, endUserId);
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Connect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();
        var events = page.GetByTestId("host-events");
        await Assertions.Expect(events.Locator("li[data-event=ready]")).ToHaveCountAsync(1);

        await popup.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(K.LoginId);
        await popup.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.WrongPassword);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(popup.GetByTestId("provider-problem")).ToContainTextAsync(KonnektiveStrings.InvalidCredentials);
        var error = events.Locator("li[data-event=error]");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToContainTextAsync("\"outcome\":\"InvalidCredentials\"");

        await popup.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.Password);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();
        var connected = events.Locator("li[data-event=connected]");
        await Assertions.Expect(connected).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connected: konnektive connection");
        await popup.SaveScreenshotAsync("popup-konnektive-connected");
        await page.SaveScreenshotAsync("popup-host-events");

        // The event names the saved connection and its provider, and nothing typed.
        var connectionId = await popup.GetByTestId("connection-id").InnerTextAsync();
        var connectedText = await connected.TextContentAsync();
        Assert.Contains($"\"connectionId\":\"{connectionId}\"", connectedText);
        Assert.Contains("\"provider\":\"konnektive\"", connectedText);
        var everyEvent = string.Join('\n', await events.Locator("li").AllTextContentsAsync());
        Assert.DoesNotContain(K.Password, everyEvent);
        Assert.DoesNotContain(K.WrongPassword, everyEvent);
        Assert.DoesNotContain(K.LoginId, everyEvent);
        await Assertions.Expect(events.Locator("li")).ToHaveCountAsync(3);

        using var api = app.CreateHostApiClient();
        using var list = await api.GetFromJsonAsync<JsonDocument>($"api/connections?endUserId={endUserId}");
        var saved = Assert.Single(list!.RootElement.GetProperty("connections").EnumerateArray().ToArray());
        Assert.Equal(connectionId, saved.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Closing_the_popup_before_connecting_tells_the_opener_it_closed_and_nothing_is_saved()
    {
        var endUserId = "popup-closed-" + Guid.NewGuid().ToString("N");
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var (page, popup) = await OpenExampleHostPopupAsync(context, endUserId);
        var events = page.GetByTestId("host-events");
        await Assertions.Expect(events.Locator("li[data-event=ready]")).ToHaveCountAsync(1);

        await popup.CloseAsync();

        await Assertions.Expect(events.Locator("li[data-event=closed]")).ToHaveCountAsync(1);
        await Assertions.Expect(events.Locator("li[data-event=connected]")).ToHaveCountAsync(0);
        using var api = app.CreateHostApiClient();
        using var list = await api.GetFromJsonAsync<JsonDocument>($"api/connections?endUserId={endUserId}");
        Assert.Empty(list!.RootElement.GetProperty("connections").EnumerateArray());
    }

    [Fact]
    public async Task A_host_page_on_an_allowed_origin_hears_ready_and_connected_from_its_popup()
    {
        var connectUrl = await app.CreateSessionAsync(new { endUserId = "popup-cross-origin-" + Guid.NewGuid().ToString("N"), allowedProviders = new[] { KonnektiveProvider.Id } });
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await OpenHostPageAsync(context, ConnectUiAppFixture.AllowedHostOrigin, connectUrl);

        var popup = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Connect in a popup" }).ClickAsync());
        await popup.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var events = page.GetByTestId("host-events");
        await Assertions.Expect(events.Locator("li[data-event=ready]")).ToHaveCountAsync(1);

        await popup.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(K.LoginId);
        await popup.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.Password);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();

        var connected = events.Locator("li[data-event=connected]");
        await Assertions.Expect(connected).ToHaveCountAsync(1);
        var connectionId = await popup.GetByTestId("connection-id").InnerTextAsync();
        Assert.Contains($"\"connectionId\":\"{connectionId}\"", await connected.TextContentAsync());
        Assert.DoesNotContain(K.Password, string.Join('\n', await events.Locator("li").AllTextContentsAsync()));
    }

    [Fact]
    public async Task A_page_on_an_origin_that_is_not_allowed_hears_nothing_from_its_popup()
    {
        var connectUrl = await app.CreateSessionAsync(new { endUserId = "popup-other-origin-" + Guid.NewGuid().ToString("N"), allowedProviders = new[] { KonnektiveProvider.Id } });
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await OpenHostPageAsync(context, OtherOrigin, connectUrl);

        var popup = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Connect in a popup" }).ClickAsync());
        await popup.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await popup.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(K.LoginId);
        await popup.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.Password);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();

        // Messages from one window to another arrive in the order they were sent: once this marker, sent to any origin
        // after ready and connected, has arrived, those two would have arrived before it had they been sent to this page.
        await popup.EvaluateAsync("() => window.opener.postMessage({ source: 'e2e', type: 'marker' }, '*')");
        var events = page.GetByTestId("host-events");
        await Assertions.Expect(events.Locator("li[data-event=marker]")).ToHaveCountAsync(1);
        await Assertions.Expect(events.Locator("li")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// A bare host page at <paramref name="origin"/>, served by the browser context's route (no network): it opens the connect
    /// URL in a popup and lists every message whose sender is ConnectUi's origin, whatever its content.
    /// </summary>
    private static async Task<IPage> OpenHostPageAsync(IBrowserContext context, string origin, string connectUrl)
    {
        await context.RouteAsync(origin + "/**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = HostPage,
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(origin + "/integrations?connectUrl=" + Uri.EscapeDataString(connectUrl));
        return page;
    }

    private const string HostPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Host application</title></head>
        <body>
        <h1>Host application</h1>
        <button type="button" id="open-popup">Connect in a popup</button>
        <ol data-testid="host-events"></ol>
        <script>
          const connectUrl = new URLSearchParams(location.search).get("connectUrl");
          document.getElementById("open-popup").addEventListener("click", () => {
            window.open(connectUrl, "connectui", "popup,width=1100,height=800");
          });
          window.addEventListener("message", (event) => {
            if (event.origin !== new URL(connectUrl).origin) return;
            const item = document.createElement("li");
            item.dataset.event = event.data?.type;
            item.textContent = JSON.stringify(event.data);
            document.querySelector("[data-testid=host-events]").appendChild(item);
          });
        </script>
        </body>
        </html>
        """;

    /// <summary>The Development example host page, with a Konnektive-only session opened in a popup that is interactive.</summary>
    private async Task<(IPage Page, IPage Popup)> OpenExampleHostPopupAsync(IBrowserContext context, string endUserId)
    {
        var connectUrl = await app.CreateSessionAsync(new { endUserId, allowedProviders = new[] { KonnektiveProvider.Id } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/examples/host?connectUrl=" + Uri.EscapeDataString(connectUrl));

        var popup = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Connect in a popup" }).ClickAsync());
        await popup.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return (page, popup);
    }
}
