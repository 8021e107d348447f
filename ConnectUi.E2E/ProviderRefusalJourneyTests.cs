using System.Globalization;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// Each provider refusal the sandbox can produce, filled in from the sandbox banner: the person sees the provider's
/// reason, the fields it concerns and the guide step to revisit, and keeps every value.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ProviderRefusalJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    public static TheoryData<string, string, string, string[], string> Refusals => new()
    {
        {
            KonnektiveProvider.Id, "Wrong password", KonnektiveStrings.InvalidCredentials,
            ["ApiLoginId", "ApiPassword"], KonnektiveProvider.Steps.FindCredentials
        },
        {
            KonnektiveProvider.Id, $"Server IP not whitelisted ({KonnektiveSandbox.ReportedIp})",
            string.Format(CultureInfo.InvariantCulture, KonnektiveStrings.IpNotAllowed, KonnektiveSandbox.ReportedIp),
            [], KonnektiveProvider.Steps.FindCredentials
        },
        {
            ConnectWisePsaProvider.Id, "Unknown Client ID", ConnectWisePsaStrings.InvalidClientId,
            ["ClientId"], ConnectWisePsaProvider.Steps.ClientIdAndKeys
        },
        {
            ConnectWisePsaProvider.Id, "Wrong private key", ConnectWisePsaStrings.InvalidCredentials,
            ["Username", "Password"], ConnectWisePsaProvider.Steps.ClientIdAndKeys
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_names_its_reason_fields_and_step_and_keeps_every_value(
        string providerId, string scenario, string message, string[] fields, string step)
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{providerId}");
        await page.GetByText("Show the test credentials").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Fill in the form for: {scenario}" }).ClickAsync();
        var values = (providerId == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition).Sandbox.Scenarios.Single(c => c.Description == scenario).Values;

        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("provider-problem")).ToContainTextAsync(message);
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeFocusedAsync();
        var providerName = providerId == KonnektiveProvider.Id ? KonnektiveProvider.Definition.DisplayName : ConnectWisePsaProvider.Definition.DisplayName;
        foreach (var field in fields)
        {
            // The message is in the alert once; the field points at it.
            await Assertions.Expect(page.Locator($"#field-{field}-error")).ToHaveTextAsync(
                string.Format(CultureInfo.InvariantCulture, ConnectUi.Features.Connect.ConnectStrings.FieldRefused, providerName));
            await Assertions.Expect(page.Locator($"#field-{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await Assertions.Expect(page.Locator($"li#{step}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("guide-step--highlighted"));
        foreach (var (field, value) in values)
        {
            await Assertions.Expect(page.Locator($"#field-{field}")).ToHaveValueAsync(value);
        }

        await page.SaveScreenshotAsync($"refusal-{providerId}-{System.Text.RegularExpressions.Regex.Replace(scenario.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-')}");
    }
}
