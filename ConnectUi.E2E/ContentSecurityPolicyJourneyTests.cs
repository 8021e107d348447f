using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>The pages work under the app's Content-Security-Policy: Blazor connects, MudBlazor renders, nothing is refused.</summary>
[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_person_browses_the_catalog_and_fills_a_provider_form_without_any_policy_violation()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);

        // Init scripts run outside the page's CSP, so this listener sees every violation, reported or not.
        await context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener("securitypolicyviolation", e =>
                window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
            """);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);

        var catalog = await page.GotoInteractiveAsync("/");
        var policy = await catalog!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.EndsWith($"frame-ancestors 'self' {ConnectUiAppFixture.AllowedHostOrigin}", policy);
        await page.GetByLabel("Search providers").FillAsync("Konnektive");
        await Assertions.Expect(page.Locator("a.provider-card")).ToHaveCountAsync(1);

        await page.Locator("a.provider-card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect Konnektive CRM", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("API Login ID").FillAsync("acme_api_user");
        await page.GetByLabel("API Password", new() { Exact = true }).FillAsync("not-a-real-password");
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-status")).ToContainTextAsync("not connected");

        // A fresh load of a provider page as a first visit (no client-side navigation) goes through the importmap again.
        await page.GotoInteractiveAsync("/connect/connectwise-psa");
        await page.GetByLabel("Hostname").FillAsync("api-na.myconnectwise.net");
        await Assertions.Expect(page.GetByLabel("Hostname")).ToHaveValueAsync("api-na.myconnectwise.net");

        var violations = await page.EvaluateAsync<string[]>("window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(consoleErrors);
    }
}
