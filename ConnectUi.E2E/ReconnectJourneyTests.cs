using System.Globalization;
using System.Net.Http.Json;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using Microsoft.Playwright;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;
using K = ConnectUi.Providers.Konnektive.KonnektiveSandbox;

namespace ConnectUi.E2E;

/// <summary>
/// A host sends a person a reconnect link for a connection they made earlier: the form opens with its settings filled in,
/// a refusal leaves the stored connection exactly as it was, and an accepted renewal updates that same connection.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReconnectJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task ConnectWise_reconnect_opens_with_its_settings_a_refusal_changes_nothing_and_an_accepted_renewal_updates_the_same_connection()
    {
        var endUserId = "reconnect-cw-" + Guid.NewGuid().ToString("N");
        var original = new Dictionary<string, string>
        {
            ["Hostname"] = CW.Hostname,
            ["ApiVersion"] = CW.ApiVersion,
            ["ClientId"] = CW.ClientId,
            ["Username"] = CW.Username,
            ["Password"] = CW.Password,
        };
        var connectionId = await ConnectThroughSessionAsync(endUserId, ConnectWisePsaProvider.Id, "ConnectWise PSA", page => FillConnectWiseAsync(page, original));
        var before = await ConnectionAsync(connectionId);

        await using (var context = await browser.NewContextAsync(app.BaseUrl))
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId, reconnectConnectionId = connectionId }));

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reconnect ConnectWise PSA", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveTitleAsync("Reconnect ConnectWise PSA · ConnectUi");
            await ExpectReconnectNoticeAsync(page, "ConnectWise PSA", before);

            // The settings come back; the secrets must be typed again.
            await Assertions.Expect(page.GetByLabel("Hostname", new() { Exact = true })).ToHaveValueAsync(CW.Hostname);
            await Assertions.Expect(page.GetByLabel("API Version", new() { Exact = true })).ToHaveValueAsync(CW.ApiVersion);
            await Assertions.Expect(page.GetByLabel("Client ID", new() { Exact = true })).ToBeEmptyAsync();
            await Assertions.Expect(page.GetByLabel("Username", new() { Exact = true })).ToBeEmptyAsync();
            await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeEmptyAsync();
            await page.SaveScreenshotAsync("reconnect-connectwise-prefilled");

            await FillConnectWiseAsync(page, new Dictionary<string, string>
            {
                ["ClientId"] = CW.ClientId,
                ["Username"] = CW.Username,
                ["Password"] = CW.WrongPassword,
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync(ConnectWisePsaStrings.InvalidCredentials);
            await Assertions.Expect(page.GetByTestId("connect-success")).ToHaveCountAsync(0);
            await page.SaveScreenshotAsync("reconnect-connectwise-refused");
        }

        Assert.Equal(original, await CredentialsAsync(connectionId));
        Assert.Equal(before, await ConnectionAsync(connectionId));

        // The sandbox accepts one ConnectWise key pair, so the renewal differs in its settings: another region's hostname
        // (every sandbox call goes to the simulator whatever the hostname) and an older API version the simulator supports.
        var renewed = new Dictionary<string, string>(original)
        {
            ["Hostname"] = "api-eu.myconnectwise.net",
            ["ApiVersion"] = "2024.1",
        };
        await using (var context = await browser.NewContextAsync(app.BaseUrl))
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId, reconnectConnectionId = connectionId }));
            await Assertions.Expect(page.GetByTestId("reconnect-notice")).ToBeVisibleAsync();

            await FillConnectWiseAsync(page, renewed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ConnectWise PSA is connected" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("connection-id")).ToHaveTextAsync(connectionId.ToString());
            await page.SaveScreenshotAsync("reconnect-connectwise-renewed");
        }

        Assert.Equal(renewed, await CredentialsAsync(connectionId));
        await ExpectRenewedAsync(endUserId, connectionId, before);
    }

    [Fact]
    public async Task Konnektive_reconnect_keeps_the_old_login_after_a_refusal_and_stores_the_new_one_once_accepted()
    {
        var endUserId = "reconnect-k-" + Guid.NewGuid().ToString("N");
        var original = new Dictionary<string, string> { ["ApiLoginId"] = K.LoginId, ["ApiPassword"] = K.Password };
        var connectionId = await ConnectThroughSessionAsync(endUserId, KonnektiveProvider.Id, "Konnektive CRM", page => FillKonnektiveAsync(page, original));
        var before = await ConnectionAsync(connectionId);

        await using (var context = await browser.NewContextAsync(app.BaseUrl))
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId, reconnectConnectionId = connectionId }));

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reconnect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();
            await ExpectReconnectNoticeAsync(page, "Konnektive CRM", before);

            // Konnektive has no non-secret settings: both fields start empty.
            await Assertions.Expect(page.GetByLabel("API Login ID", new() { Exact = true })).ToBeEmptyAsync();
            await Assertions.Expect(page.GetByLabel("API Password", new() { Exact = true })).ToBeEmptyAsync();

            await FillKonnektiveAsync(page, new Dictionary<string, string> { ["ApiLoginId"] = K.LoginId, ["ApiPassword"] = K.WrongPassword });
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync(KonnektiveStrings.InvalidCredentials);
            await Assertions.Expect(page.GetByTestId("connect-success")).ToHaveCountAsync(0);
            await page.SaveScreenshotAsync("reconnect-konnektive-refused");
        }

        Assert.Equal(original, await CredentialsAsync(connectionId));
        Assert.Equal(before, await ConnectionAsync(connectionId));

        // Two sandbox logins are accepted with the sandbox password: the renewal switches to the other one.
        var renewed = new Dictionary<string, string> { ["ApiLoginId"] = K.NoOrdersLoginId, ["ApiPassword"] = K.Password };
        await using (var context = await browser.NewContextAsync(app.BaseUrl))
        {
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId, reconnectConnectionId = connectionId }));

            await FillKonnektiveAsync(page, renewed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("connection-id")).ToHaveTextAsync(connectionId.ToString());
        }

        Assert.Equal(renewed, await CredentialsAsync(connectionId));
        await ExpectRenewedAsync(endUserId, connectionId, before);
    }

    /// <summary>The person's first link: a session for one provider, filled in and accepted; returns the new connection's id.</summary>
    private async Task<Guid> ConnectThroughSessionAsync(string endUserId, string providerId, string providerName, Func<IPage, Task> fill)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(await app.CreateSessionAsync(new { endUserId, allowedProviders = new[] { providerId } }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Connect {providerName}", Level = 1 })).ToBeVisibleAsync();

        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{providerName} is connected" })).ToBeVisibleAsync();
        return Guid.Parse(await page.GetByTestId("connection-id").InnerTextAsync());
    }

    private static async Task ExpectReconnectNoticeAsync(IPage page, string providerName, SavedConnection connection)
    {
        var notice = page.GetByTestId("reconnect-notice");
        await Assertions.Expect(notice).ToContainTextAsync($"You are renewing your existing {providerName} connection for {connection.AccountLabel}");
        await Assertions.Expect(notice).ToContainTextAsync(
            "last verified " + connection.LastVerifiedAt.UtcDateTime.ToString("D", CultureInfo.GetCultureInfo("en")));
        await Assertions.Expect(notice).ToContainTextAsync($"If {providerName} refuses them, your current connection keeps working unchanged.");
    }

    /// <summary>The end user still has exactly one connection, the renewed one, verified again after the first save.</summary>
    private async Task ExpectRenewedAsync(string endUserId, Guid connectionId, SavedConnection before)
    {
        using var api = app.CreateHostApiClient();
        var list = await api.GetFromJsonAsync<ConnectionList>($"api/connections?endUserId={endUserId}");
        var renewed = Assert.Single(list!.Connections);
        Assert.Equal(connectionId, renewed.Id);
        Assert.Equal(before.CreatedAt, renewed.CreatedAt);
        Assert.Equal("Verified", renewed.LastOutcome);
        Assert.True(renewed.LastVerifiedAt > before.LastVerifiedAt, $"{renewed.LastVerifiedAt:O} is not after {before.LastVerifiedAt:O}");
        Assert.True(renewed.UpdatedAt > before.UpdatedAt, $"{renewed.UpdatedAt:O} is not after {before.UpdatedAt:O}");
    }

    private static async Task FillConnectWiseAsync(IPage page, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (field, label) in new[] { ("Hostname", "Hostname"), ("ApiVersion", "API Version"), ("ClientId", "Client ID"), ("Username", "Username"), ("Password", "Password") })
        {
            if (values.TryGetValue(field, out var value))
            {
                await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
            }
        }
    }

    private static async Task FillKonnektiveAsync(IPage page, IReadOnlyDictionary<string, string> values)
    {
        await page.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(values["ApiLoginId"]);
        await page.GetByLabel("API Password", new() { Exact = true }).FillAsync(values["ApiPassword"]);
    }

    private async Task<SavedConnection> ConnectionAsync(Guid id)
    {
        using var api = app.CreateHostApiClient();
        return (await api.GetFromJsonAsync<SavedConnection>($"api/connections/{id}"))!;
    }

    private async Task<Dictionary<string, string>> CredentialsAsync(Guid id)
    {
        using var api = app.CreateHostApiClient();
        return (await api.GetFromJsonAsync<StoredCredentials>($"api/connections/{id}/credentials"))!.Credentials;
    }

    /// <summary>The host API's connection, without settings (a dictionary would defeat record equality).</summary>
    private sealed record SavedConnection(
        Guid Id,
        string Provider,
        string? AccountLabel,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset LastVerifiedAt,
        string LastOutcome);

    private sealed record ConnectionList(IReadOnlyList<SavedConnection> Connections);

    private sealed record StoredCredentials(Guid Id, string Provider, Dictionary<string, string> Credentials);
}
