using System.Globalization;
using ConnectUi.E2E.Support;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sandbox;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// A first-time person on a 390 px phone, and one with the keyboard alone: after any refusal the reason is in view and
/// focused, each message is in the page once, and the focus never falls to the page body.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PhoneRefusalJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    private const string Konnektive = KonnektiveProvider.Id;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_wrong_password_on_a_phone_shows_the_refusal_in_view_and_focused_written_once(string scheme)
    {
        await using var context = await browser.NewPhoneContextAsync(app.BaseUrl, colorScheme: Scheme(scheme));
        await context.WatchFocusAsync();
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{Konnektive}");

        // What the person needs and the form come first; the guide is below.
        var needs = page.GetByTestId("credential-needs");
        Assert.True((await needs.ViewportPositionAsync()).Top < 844);
        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.LoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.WrongPassword);
        await page.GetByTestId("submit").TapAsync();

        var alert = page.GetByTestId("provider-problem");
        await Assertions.Expect(alert).ToContainTextAsync(KonnektiveStrings.InvalidCredentials, new() { Timeout = 15_000 });
        await Assertions.Expect(alert).ToBeFocusedAsync();
        await AssertTopInViewAsync(alert);

        // Named once, in the one live region that announces it; the fields carry a short pointer.
        Assert.Equal(1, await page.CountInDomAsync(KonnektiveStrings.InvalidCredentials));
        Assert.Single(await page.LiveRegionsContainingAsync(KonnektiveStrings.InvalidCredentials));
        var pointer = string.Format(CultureInfo.InvariantCulture, ConnectStrings.FieldRefused, KonnektiveProvider.Definition.DisplayName);
        foreach (var field in new[] { "ApiLoginId", "ApiPassword" })
        {
            await Assertions.Expect(page.Locator($"#field-{field}")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator($"#field-{field}-error")).ToHaveTextAsync(pointer);
        }

        await Assertions.Expect(alert.GetByTestId("problem-fields")).ToContainTextAsync(KonnektiveStrings.ApiLoginIdLabel);
        await Assertions.Expect(alert.GetByTestId("problem-fields")).ToContainTextAsync(KonnektiveStrings.ApiPasswordLabel);
        await Assertions.Expect(page.Locator($"#field-ApiPassword")).ToHaveValueAsync(KonnektiveSandbox.WrongPassword);
        await page.SaveViewportScreenshotAsync($"phone-refusal-{Konnektive}-{scheme}-screen");
        await page.SaveScreenshotAsync($"phone-refusal-{Konnektive}-{scheme}");
        Assert.False(await page.HasHorizontalScrollAsync());

        // The guide step is one tap away, from the alert.
        await alert.GetByTestId("problem-step-link").TapAsync();
        var stepHeading = page.Locator($"li#{KonnektiveProvider.Steps.FindCredentials} [data-step-heading]");
        await Assertions.Expect(stepHeading).ToBeFocusedAsync();
        await AssertTopInViewAsync(stepHeading);
        Assert.Equal(0, await page.BodyFocusCountAsync());
    }

    [Fact]
    public async Task An_empty_submit_on_a_phone_focuses_the_summary_which_names_each_field_whose_message_is_written_once()
    {
        await using var context = await browser.NewPhoneContextAsync(app.BaseUrl);
        await context.WatchFocusAsync();
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{ConnectWisePsaProvider.Id}");

        await page.GetByTestId("submit").TapAsync();

        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await AssertTopInViewAsync(summary);
        await page.SaveViewportScreenshotAsync("phone-empty-submit-connectwise-psa-screen");
        foreach (var (label, message) in new[]
        {
            (ConnectWisePsaStrings.HostnameLabel, ConnectWisePsaStrings.HostnameRequired),
            (ConnectWisePsaStrings.ClientIdLabel, ConnectWisePsaStrings.ClientIdRequired),
            (ConnectWisePsaStrings.PasswordLabel, ConnectWisePsaStrings.PasswordRequired),
        })
        {
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
            Assert.Equal(1, await page.CountInDomAsync(message));
        }

        await summary.GetByRole(AriaRole.Link, new() { Name = ConnectWisePsaStrings.ClientIdLabel, Exact = true }).TapAsync();
        await Assertions.Expect(page.Locator("#field-ClientId")).ToBeFocusedAsync();
        Assert.Equal(0, await page.BodyFocusCountAsync());
    }

    [Fact]
    public async Task With_the_keyboard_alone_the_focus_stays_on_the_button_while_checking_moves_to_the_alert_on_a_timeout_and_to_the_heading_on_success()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        await context.WatchFocusAsync();
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{Konnektive}");

        await TabToAsync(page, "#field-ApiLoginId");
        await page.Keyboard.TypeAsync(KonnektiveSandbox.SlowLoginId);
        await TabToAsync(page, "#field-ApiPassword");
        await page.Keyboard.TypeAsync(KonnektiveSandbox.Password);
        await TabToAsync(page, "[data-testid=submit]");
        await page.Keyboard.PressAsync("Enter");

        // Checking: the button keeps the focus, says it is busy, and a second press starts nothing.
        var submit = page.GetByTestId("submit");
        await Assertions.Expect(submit).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(submit).ToBeFocusedAsync();
        Assert.False(await submit.EvaluateAsync<bool>("e => e.disabled"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#field-ApiPassword")).ToHaveAttributeAsync("readonly", "");

        // The simulator never answers; the 3-second timeout ends the check.
        var alert = page.GetByTestId("provider-problem");
        await Assertions.Expect(alert).ToBeFocusedAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(alert).ToContainTextAsync(KonnektiveStrings.Timeout);
        await AssertTopInViewAsync(alert);
        await page.SaveViewportScreenshotAsync("keyboard-timeout-konnektive-screen");
        Assert.Equal(1, await page.CountInDomAsync(KonnektiveStrings.Timeout));
        await Assertions.Expect(submit).Not.ToHaveAttributeAsync("aria-disabled", "true");

        // Correct the login with the keyboard and connect.
        await TabToAsync(page, "#field-ApiLoginId");
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(KonnektiveSandbox.LoginId);
        await page.Keyboard.PressAsync("Enter");

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = $"{KonnektiveProvider.Definition.DisplayName} is connected", Level = 1 });
        await Assertions.Expect(heading).ToBeFocusedAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex($"^{KonnektiveProvider.Definition.DisplayName} connected"));
        await Assertions.Expect(page.GetByTestId("next-use")).ToHaveTextAsync(ConnectStrings.NextUseWithoutHost);
        Assert.Equal(0, await page.BodyFocusCountAsync());
        await page.SaveViewportScreenshotAsync("keyboard-connected-konnektive-screen");
    }

    [Fact]
    public async Task The_IP_whitelist_step_says_what_to_do_without_a_configured_address_then_offers_the_address_Konnektive_reported()
    {
        await using var context = await browser.NewPhoneContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{Konnektive}");
        var ips = page.GetByTestId("egress-ips");
        await Assertions.Expect(ips).ToContainTextAsync(ConnectStrings.NoEgressIpsHeading);

        await page.Locator("#field-ApiLoginId").FillAsync(KonnektiveSandbox.IpNotAllowedLoginId);
        await page.Locator("#field-ApiPassword").FillAsync(KonnektiveSandbox.Password);
        await page.GetByTestId("submit").TapAsync();

        var alert = page.GetByTestId("provider-problem");
        await Assertions.Expect(alert).ToContainTextAsync(KonnektiveSandbox.ReportedIp, new() { Timeout = 15_000 });
        await Assertions.Expect(alert).ToBeFocusedAsync();
        await Assertions.Expect(ips).ToContainTextAsync(
            string.Format(CultureInfo.InvariantCulture, ConnectStrings.AddReportedAddress, KonnektiveProvider.Definition.DisplayName));
        await Assertions.Expect(ips.Locator("code")).ToHaveTextAsync(KonnektiveSandbox.ReportedIp);
        await Assertions.Expect(ips.GetByRole(AriaRole.Button, new() { Name = $"Copy {KonnektiveSandbox.ReportedIp}" })).ToBeVisibleAsync();
        await ips.ScrollIntoViewIfNeededAsync();
        await page.SaveViewportScreenshotAsync("phone-ip-refusal-konnektive-screen");
    }

    [Theory]
    [InlineData("ApiLoginId", KonnektiveProvider.Steps.FindCredentials)]
    [InlineData("ApiPassword", KonnektiveProvider.Steps.FindCredentials)]
    public async Task Where_do_I_find_this_takes_a_phone_to_the_fields_guide_step(string field, string step)
    {
        await using var context = await browser.NewPhoneContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{Konnektive}");

        await page.GetByTestId($"where-{field}").TapAsync();

        var heading = page.Locator($"li#{step} [data-step-heading]");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await AssertTopInViewAsync(heading);
    }

    public static TheoryData<string> NarrowPages => ["/", "/?q=zzz", $"/connect/{Konnektive}", $"/connect/{ConnectWisePsaProvider.Id}", "/connect/nothing-here"];

    [Theory]
    [MemberData(nameof(NarrowPages))]
    public async Task Nothing_scrolls_sideways_at_320_px(string path)
    {
        await using var context = await browser.NewPhoneContextAsync(app.BaseUrl, width: 320);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        if (path.StartsWith("/connect/", StringComparison.Ordinal) && await page.GetByTestId("submit").CountAsync() > 0)
        {
            await page.GetByTestId("submit").TapAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
        }

        Assert.False(await page.HasHorizontalScrollAsync(), $"{path} scrolls sideways at 320 px");
    }

    [Fact]
    public async Task On_a_desktop_the_guide_stands_beside_the_form()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync($"/connect/{Konnektive}");

        // Both boxes in one frame and relative to the document: measured one after the other, a scroll between the two
        // (the page settling under load) moved the second one's viewport position.
        var box = await page.EvaluateAsync<double[]>("""
            () => {
                const form = document.querySelector(".connect-panes__form").getBoundingClientRect();
                const guide = document.querySelector(".connect-panes__guide").getBoundingClientRect();
                return [form.right, form.top + scrollY, guide.left, guide.top + scrollY];
            }
            """);
        var (formRight, formTop, guideLeft, guideTop) = (box[0], box[1], box[2], box[3]);
        Assert.True(guideLeft >= formRight, "the guide is not beside the form");
        Assert.True(Math.Abs(guideTop - formTop) < 1, $"the guide starts at {guideTop} px, the form at {formTop} px");
    }

    private static ColorScheme Scheme(string scheme) => scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    /// <summary>
    /// The element's top edge is on screen, below the app bar, with room for its first lines, once scrolling has
    /// settled: the browser may still be scrolling when the element takes the focus (within 5 s, as Expect waits).
    /// </summary>
    private static async Task AssertTopInViewAsync(ILocator locator)
    {
        await Assertions.Expect(locator).ToBeInViewportAsync();
        var (top, _, height) = await locator.ViewportPositionAsync();
        for (var waited = 0; waited < 5000 && (top < 40 || top > height - 120); waited += 100)
        {
            await Task.Delay(100);
            (top, _, height) = await locator.ViewportPositionAsync();
        }

        Assert.InRange(top, 40, height - 120);
    }

    /// <summary>Presses Tab until the element has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }
}
