using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>Past the attempt limit, the person is told how long to wait, beside the button, and keeps what they typed.</summary>
[Collection(E2ECollection.Name)]
public sealed class TooManyAttemptsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly ConnectUiAppFixture _app = new(new Dictionary<string, string>
    {
        ["ConnectUi:RateLimits:PerCaller:PermitLimit"] = "2",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_person_who_submits_too_often_is_told_to_wait_and_keeps_the_values()
    {
        await using var context = await browser.NewContextAsync(_app.BaseUrl);
        var page = await context.NewPageAsync();

        // Each attempt on a freshly opened page: its status is empty until that attempt's answer arrives, so the next
        // attempt cannot start while this one is still in flight.
        for (var i = 0; i < 2; i++)
        {
            await OpenAndFillAsync(page);
            await page.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("submit-status")).ToContainTextAsync("not connected");
        }

        await OpenAndFillAsync(page);
        await page.GetByTestId("submit").ClickAsync();

        // Humanizer writes the wait of a one-minute window as "N seconds" or, at its full length, "1 minute".
        await Assertions.Expect(page.GetByTestId("too-many-attempts"))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^Too many attempts\. Try again in (\d+ seconds?|1 minute)\.$"));
        await Assertions.Expect(page.GetByLabel("API Login ID")).ToHaveValueAsync("acme_api_user");
    }

    private static async Task OpenAndFillAsync(IPage page)
    {
        await page.GotoInteractiveAsync("/connect/konnektive");
        await page.GetByLabel("API Login ID").FillAsync("acme_api_user");
        await page.GetByLabel("API Password", new() { Exact = true }).FillAsync("not-a-real-password");
    }
}
