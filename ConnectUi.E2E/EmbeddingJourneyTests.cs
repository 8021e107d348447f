using System.Net.Http.Json;
using System.Text.Json;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

[Collection(E2ECollection.Name)]
public sealed class EmbeddingJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_host_page_opens_ConnectUi_in_a_dialog_and_receives_the_connected_event_without_secrets()
    {
        var endUserId = "embed-" + Guid.NewGuid().ToString("N");
        var connectUrl = await app.CreateSessionAsync(new { endUserId, allowedProviders = new[] { "konnektive" } });
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/examples/host?connectUrl=" + Uri.EscapeDataString(connectUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect an account" }).ClickAsync();

        var frame = page.FrameLocator("iframe[title=ConnectUi]");
        await frame.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Connect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();
        await frame.GetByTestId("input-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);
        await frame.GetByTestId("input-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await frame.GetByTestId("submit").ClickAsync();

        var events = page.GetByTestId("host-events");
        await Assertions.Expect(events.Locator("li[data-event=ready]")).ToHaveCountAsync(1);
        var connected = events.Locator("li[data-event=connected]");
        await Assertions.Expect(connected).ToHaveCountAsync(1);
        var text = await connected.TextContentAsync();
        Assert.Contains("\"provider\":\"konnektive\"", text);
        Assert.DoesNotContain(KonnektiveSandbox.Password, text);
        Assert.DoesNotContain(KonnektiveSandbox.LoginId, text);

        // The host backend finds the connection under the session's end user, with the id the event carried.
        using var api = app.CreateHostApiClient();
        using var list = await api.GetFromJsonAsync<JsonDocument>($"api/connections?endUserId={endUserId}");
        var saved = Assert.Single(list!.RootElement.GetProperty("connections").EnumerateArray().ToArray());
        Assert.Contains(saved.GetProperty("id").GetString()!, text);
        Assert.Equal("konnektive", saved.GetProperty("provider").GetString());

        // Closing the dialog unloads ConnectUi, which says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(events.Locator("li[data-event=closed]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_made_up_or_expired_link_shows_the_expired_page_naming_the_host()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/connect?session=" + new string('x', 43));

        Assert.Equal(410, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link has expired or is invalid" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session-expired")).ToContainTextAsync("Ask Example Host for a new one.");
        await Assertions.Expect(page.GetByTestId("credential-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_provider_the_session_does_not_allow_is_not_offered()
    {
        var connectUrl = await app.CreateSessionAsync(new { endUserId = "restricted-user", allowedProviders = new[] { "connectwise-psa" } });
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoInteractiveAsync(connectUrl);

        // The only allowed provider opens directly, with no way back to a catalog of others, and the token leaves the address bar.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connect/connectwise-psa$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect ConnectWise PSA", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("back-to-catalog")).ToHaveCountAsync(0);

        // Following a link to another provider within the session finds nothing there.
        await page.EvaluateAsync("() => Blazor.navigateTo('/connect/konnektive')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => Blazor.navigateTo('/')");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connect/connectwise-psa$"));
        await Assertions.Expect(page.GetByTestId("provider-card-konnektive")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Pages_may_be_framed_only_by_ConnectUi_itself_and_the_allowed_origins()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(app.BaseUrl + "/");

        Assert.EndsWith(
            $"frame-ancestors 'self' {ConnectUiAppFixture.AllowedHostOrigin}",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
