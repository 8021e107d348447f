using ConnectUi.Providers.Konnektive;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using ConnectUi.E2E.Support;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Sandbox;
using ConnectUi.Staff;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// A customer and a staff member at once, in two browser contexts: staff find the customer's visit by the support code
/// the customer reads out, and watch the setup live, without ever seeing what the customer typed into a secret field.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class SupportConsoleJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    private static readonly (string Email, string Role, string Password) Admin =
        StaffServiceCollectionExtensions.DevelopmentAccounts.Single(a => a.Role == StaffRoles.Admin);

    private static readonly (string Email, string Role, string Password) Support =
        StaffServiceCollectionExtensions.DevelopmentAccounts.Single(a => a.Role == StaffRoles.Support);

    // What this customer types into secret fields: none of it may reach the console.
    private const string TypedInvalidUsername = "acmecorp-typed-no-plus";
    private const string TypedPrivateKey = "typed-private-key-Zq81";

    private static async Task<IPage> SignInAsync(IBrowserContext context, (string Email, string Role, string Password) account)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(StaffArea.LoginPath);
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = SupportConsoleStrings.SignIn }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/support$"));
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    [Fact]
    public async Task Staff_find_the_visit_by_code_and_watch_the_invalid_field_then_the_refusal_live_without_any_secret()
    {
        await using var customerContext = await browser.NewContextAsync(app.BaseUrl);
        await using var staffContext = await browser.NewContextAsync(app.BaseUrl);

        var customer = await customerContext.NewPageAsync();
        await customer.GotoInteractiveAsync("/connect/connectwise-psa");
        var codeText = await customer.GetByTestId("support-code").TextContentAsync();
        var code = SupportCodeText().Match(codeText!).Groups[1].Value;
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", code);

        var frames = new ConcurrentQueue<string>();
        var staff = await staffContext.NewPageAsync();
        staff.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            socket.FrameSent += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
        };
        await staff.GotoAsync(StaffArea.LoginPath);
        await staff.GetByLabel("Email").FillAsync(Support.Email);
        await staff.GetByLabel("Password").FillAsync(Support.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = SupportConsoleStrings.SignIn }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/support$"));
        await staff.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await staff.GetByLabel(SupportConsoleStrings.FindByCodeLabel).FillAsync(code.ToLowerInvariant());
        await staff.GetByRole(AriaRole.Button, new() { Name = SupportConsoleStrings.Find, Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(string.Format(SupportConsoleStrings.VisitHeading, code));

        // The customer types a Username without the plus and leaves the field.
        await customer.Locator("#field-Username").FillAsync(TypedInvalidUsername);
        await customer.Locator("#field-Username").PressAsync("Tab");
        await Assertions.Expect(customer.Locator("#field-Username-error")).ToHaveTextAsync(ConnectWisePsaStrings.UsernameNeedsPlus);

        var newest = staff.GetByTestId("timeline-event").First;
        await Assertions.Expect(newest.Locator(".timeline__title")).ToContainTextAsync("Username is invalid");
        await Assertions.Expect(newest.GetByTestId("customer-message")).ToContainTextAsync(ConnectWisePsaStrings.UsernameNeedsPlus);

        // Then fills the rest with a wrong private key and submits: the provider refuses.
        await customer.Locator("#field-Hostname").FillAsync(ConnectWisePsaSandbox.Hostname);
        await customer.Locator("#field-ApiVersion").FillAsync(ConnectWisePsaSandbox.ApiVersion);
        await customer.Locator("#field-ClientId").FillAsync(ConnectWisePsaSandbox.ClientId);
        await customer.Locator("#field-Username").FillAsync(ConnectWisePsaSandbox.Username);
        await customer.Locator("#field-Password").FillAsync(TypedPrivateKey);
        await customer.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("provider-problem")).ToContainTextAsync(ConnectWisePsaStrings.InvalidCredentials);

        var refusal = staff.Locator("[data-testid=timeline-event][data-kind=Outcome]").First;
        await Assertions.Expect(refusal.GetByTestId("customer-message")).ToContainTextAsync(ConnectWisePsaStrings.InvalidCredentials);
        await Assertions.Expect(refusal.GetByTestId("staff-guidance")).ToContainTextAsync(ConnectWisePsaStaffStrings.GuidanceInvalidCredentials);
        await Assertions.Expect(staff.GetByTestId("visit-outcome")).ToHaveTextAsync(SupportConsoleStrings.OutcomeInvalidCredentials);

        var html = await staff.ContentAsync();
        string[] secrets = [TypedInvalidUsername, TypedPrivateKey, ConnectWisePsaSandbox.Username, ConnectWisePsaSandbox.ClientId];
        Assert.NotEmpty(frames);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(frames, frame => frame.Contains(secret, StringComparison.Ordinal));
        }

        // Non-secret settings may be shown to staff.
        Assert.Contains(ConnectWisePsaSandbox.Hostname, html, StringComparison.Ordinal);
        await staff.SaveScreenshotAsync("support-visit-desktop-light");
        await customer.SaveScreenshotAsync("support-code-customer");
    }

    [Fact]
    public async Task The_visit_list_shows_the_customer_and_a_support_member_has_no_audit_log()
    {
        await using var customerContext = await browser.NewContextAsync(app.BaseUrl);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoInteractiveAsync("/connect/konnektive");
        var code = SupportCodeText().Match((await customer.GetByTestId("support-code").TextContentAsync())!).Groups[1].Value;

        await using var staffContext = await browser.NewContextAsync(app.BaseUrl);
        var staff = await SignInAsync(staffContext, Support);
        await Assertions.Expect(staff.GetByTestId("visit-link").Filter(new() { HasText = code })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("nav-audit")).ToHaveCountAsync(0);

        var response = await staff.GotoAsync("/support/audit");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(staff.GetByTestId("not-allowed")).ToBeVisibleAsync();
    }

    /// <summary>The tenant of the fixture's host API key (a bare configured hash is a tenant of its own).</summary>
    private static readonly string FixtureTenant = "key-" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ConnectUiAppFixture.HostApiKey)))[..12];

    [Theory]
    [InlineData(1280, ColorScheme.Light, "desktop-light")]
    [InlineData(1280, ColorScheme.Dark, "desktop-dark")]
    [InlineData(390, ColorScheme.Light, "phone-light")]
    [InlineData(390, ColorScheme.Dark, "phone-dark")]
    public async Task The_console_pages_render_at_desktop_and_phone_widths_in_both_themes(int width, ColorScheme scheme, string name)
    {
        await using var customerContext = await browser.NewContextAsync(app.BaseUrl);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoInteractiveAsync("/connect/connectwise-psa");
        await customer.Locator("#field-Hostname").FillAsync("https://");
        await customer.Locator("#field-Hostname").PressAsync("Tab");

        await using var staffContext = await browser.NewContextAsync(app.BaseUrl, width, scheme);
        var loginPage = await staffContext.NewPageAsync();
        await loginPage.GotoAsync(StaffArea.LoginPath);
        await loginPage.SaveScreenshotAsync($"support-login-{name}");
        await loginPage.CloseAsync();

        var staff = await SignInAsync(staffContext, Admin);
        await Assertions.Expect(staff.GetByTestId("visit-row").First).ToBeVisibleAsync();
        await staff.SaveScreenshotAsync($"support-visits-{name}");

        await staff.GetByTestId("visit-link").First.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("timeline")).ToBeVisibleAsync();
        await staff.SaveScreenshotAsync($"support-visit-{name}");

        await staff.GetByRole(AriaRole.Link, new() { Name = SupportConsoleStrings.NavGuidedLink }).ClickAsync();
        await staff.GetByTestId("link-provider").SelectOptionAsync("connectwise-psa");
        await staff.GetByTestId("link-end-user").FillAsync("acme-17");
        await staff.GetByRole(AriaRole.Button, new() { Name = SupportConsoleStrings.CreateLink }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("created-link")).ToHaveValueAsync(new Regex("/connect\\?session="));
        await staff.SaveScreenshotAsync($"support-guided-link-{name}");

        // A key for the fixture's own tenant, so the shared app's guided links still see one tenant only.
        await staff.GetByRole(AriaRole.Link, new() { Name = SupportConsoleStrings.NavKeys }).ClickAsync();
        await staff.GetByTestId("key-name").FillAsync($"Screenshot key {name}");
        await staff.GetByTestId("key-tenant").FillAsync(FixtureTenant);
        await staff.GetByTestId("scope-connections-delete").UncheckAsync();
        await staff.GetByTestId("create-key").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("created-key-value")).ToHaveValueAsync(new Regex("^cuk_"));
        await staff.SaveScreenshotAsync($"support-keys-{name}");
        var axe = await staff.RunAxeForViolationsAsync();
        Assert.True(axe.Violations.Length == 0, "axe on the API keys page: " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await staff.GetByRole(AriaRole.Link, new() { Name = SupportConsoleStrings.NavAuditLog }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("audit-table")).ToBeVisibleAsync();
        await staff.SaveScreenshotAsync($"support-audit-{name}");
    }

    [Fact]
    public async Task A_guided_link_opens_the_customer_page_at_the_chosen_step_with_the_prefill()
    {
        await using var staffContext = await browser.NewContextAsync(app.BaseUrl);
        var staff = await SignInAsync(staffContext, Support);
        await staff.GetByRole(AriaRole.Link, new() { Name = SupportConsoleStrings.NavGuidedLink }).ClickAsync();
        await staff.GetByTestId("link-provider").SelectOptionAsync("connectwise-psa");
        await staff.GetByTestId("link-step").SelectOptionAsync(ConnectWisePsaProvider.Steps.ClientIdAndKeys);
        await staff.GetByTestId("link-end-user").FillAsync("acme-17");
        await staff.GetByTestId("link-prefill-Hostname").FillAsync("https://api-eu.myconnectwise.net/v4_6_release/apis/3.0/");
        await staff.GetByTestId("link-prefill-ApiVersion").FillAsync("2025.1");
        await staff.GetByRole(AriaRole.Button, new() { Name = SupportConsoleStrings.CreateLink }).ClickAsync();
        var link = await staff.GetByTestId("created-link").InputValueAsync();

        await using var customerContext = await browser.NewContextAsync(app.BaseUrl);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoInteractiveAsync(link);

        await Assertions.Expect(customer.Locator($"li#{ConnectWisePsaProvider.Steps.ClientIdAndKeys}")).ToHaveClassAsync(new Regex("guide-step--highlighted"));
        await Assertions.Expect(customer.Locator("#field-Hostname")).ToHaveValueAsync("api-eu.myconnectwise.net");
        await Assertions.Expect(customer.Locator("#field-ApiVersion")).ToHaveValueAsync("2025.1");
        await Assertions.Expect(customer.Locator("#field-Username")).ToHaveValueAsync(string.Empty);
    }

    [GeneratedRegex("Support code: ([A-Z0-9]{3}-[A-Z0-9]{3})")]
    private static partial Regex SupportCodeText();
}
