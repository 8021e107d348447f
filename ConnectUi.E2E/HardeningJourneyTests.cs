using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// What the second hardening pass fixed, as a person meets it in Chromium: huge pastes are cut at the field's limit
/// and never close the circuit; opening a session link (sessions required, as in Production) makes no failing request.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class HardeningJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly ConnectUiAppFixture _app = new(new Dictionary<string, string>
    {
        ["ConnectUi:Sessions:Required"] = "true",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_20000_character_paste_stops_at_the_fields_limit_and_the_circuit_stays_up()
    {
        await using var context = await browser.NewContextAsync(_app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(new Uri(await _app.CreateSessionAsync(new { endUserId = "customer-42", allowedProviders = new[] { "konnektive" } })).PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();

        var password = page.GetByLabel("API Password", new() { Exact = true });
        await password.FillAsync(new string('p', 20_000));

        await Assertions.Expect(password).ToHaveValueAsync(new string('p', 128));
        await page.GetByLabel("API Login ID").FillAsync("sandbox-user");
        await page.GetByTestId("submit").ClickAsync();

        // The circuit carried both values: the sandbox answers for this login, not "Enter the API Password".
        await Assertions.Expect(page.GetByTestId("submit-status")).ToContainTextAsync("not connected");
        await Assertions.Expect(password).ToHaveValueAsync(new string('p', 128));
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task Opening_a_session_link_makes_no_failing_request_and_no_console_error()
    {
        await using var context = await browser.NewContextAsync(_app.BaseUrl);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };

        foreach (var allowed in new[] { new[] { "konnektive" }, new[] { "konnektive", "connectwise-psa" } })
        {
            var connectUrl = await _app.CreateSessionAsync(new { endUserId = "customer-42", allowedProviders = allowed });
            await page.GotoInteractiveAsync(new Uri(connectUrl).PathAndQuery);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Opening…");
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("session="));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(problems);
    }
}
