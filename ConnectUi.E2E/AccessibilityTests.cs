using ConnectUi.E2E.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    public static TheoryData<string, int, string> Pages => new()
    {
        { "/", 1280, "light" },
        { "/", 390, "dark" },
        { "/connect/konnektive", 1280, "light" },
        { "/connect/konnektive", 390, "dark" },
        { "/connect/connectwise-psa", 1280, "dark" },
        { "/connect/connectwise-psa", 390, "light" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_have_no_serious_or_critical_axe_violations(string path, int width, string scheme)
    {
        await using var context = await browser.NewContextAsync(
            app.BaseUrl, width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(path);

        var results = await page.RunAxe();

        var blocking = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToArray();
        Assert.True(blocking.Length == 0, string.Join(Environment.NewLine, blocking));
    }

    [Fact]
    public async Task Form_errors_are_announced_and_tied_to_their_fields()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/connect/konnektive");

        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("role", "alert");
        var password = page.GetByLabel("API Password", new() { Exact = false }).First;
        await Assertions.Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await password.GetAttributeAsync("aria-describedby") ?? string.Empty;
        Assert.Contains("field-ApiPassword-error", describedBy);
    }
}
