using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectUi.E2E.Support;
using Microsoft.Playwright;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;
using K = ConnectUi.Providers.Konnektive.KonnektiveSandbox;

namespace ConnectUi.E2E;

/// <summary>
/// Every page and state in the pseudo-language: any word the page shows (or gives screen readers) outside ［…］ was
/// written in code instead of a resource; at 390 px the 40% longer texts must still fit. Screenshots:
/// <c>screenshots/pseudo-*.png</c>.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class PseudoLocaleTests(PseudoLocaleAppFixture pseudo, BrowserFixture browser) : IClassFixture<PseudoLocaleAppFixture>
{
    private ConnectUiAppFixture App => pseudo.App;

    /// <summary>
    /// Words allowed outside resources: the culture's own month and day names (dates are formatted, not translated)
    /// and Humanizer's duration words (its own resources; in the pseudo-language it falls back to English).
    /// </summary>
    private static readonly HashSet<string> FormattedWords =
    [
        .. PseudoLocalization.Culture.DateTimeFormat.MonthNames,
        .. PseudoLocalization.Culture.DateTimeFormat.DayNames,
        .. PseudoLocalization.Culture.DateTimeFormat.AbbreviatedMonthNames,
        "UTC", "second", "seconds", "minute", "minutes", "hour", "hours", "and",
    ];

    public static TheoryData<int> Widths => [390, 1280];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_catalog_its_search_and_its_filters(int width)
    {
        var page = await OpenAsync(width, "/");
        await CheckAsync(page, $"pseudo-catalog-{width}");

        await page.GotoInteractiveAsync("/?category=CRM");
        await CheckAsync(page, $"pseudo-catalog-category-{width}");

        await page.GotoInteractiveAsync("/?q=zzzz&category=Ticketing");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-catalog-empty-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Konnektive_guide_sandbox_rule_errors_refusal_too_many_attempts_and_success(int width)
    {
        var page = await OpenAsync(width, "/connect/konnektive");
        await page.GetByTestId("sandbox-banner").Locator("summary").ClickAsync();
        await CheckAsync(page, $"pseudo-konnektive-guide-{width}");

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await page.Locator("#field-ApiPassword").FillAsync("pass&word");
        await page.Locator("#field-ApiPassword").BlurAsync();
        await CheckAsync(page, $"pseudo-konnektive-errors-{width}");

        await FillAndSubmitAsync(page, ("ApiLoginId", K.IpNotAllowedLoginId), ("ApiPassword", K.Password));
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.GetByTestId("technical-details").Locator("summary").ClickAsync();
        await CheckAsync(page, $"pseudo-konnektive-refused-{width}");

        // A fresh account per width: after two refused sign-ins this caller is locked out of it, before Konnektive is called.
        var account = $"nobody-{width}";
        for (var attempt = 0; attempt <= PseudoLocaleAppFixture.RefusalsBeforeLockout; attempt++)
        {
            await FillAndSubmitAsync(page, ("ApiLoginId", account), ("ApiPassword", K.WrongPassword));
            await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        }

        await Assertions.Expect(page.GetByTestId("too-many-attempts")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-konnektive-too-many-attempts-{width}");

        await FillAndSubmitAsync(page, ("ApiLoginId", K.LoginId), ("ApiPassword", K.Password));
        await Assertions.Expect(page.GetByTestId("connect-success")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-konnektive-connected-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task ConnectWise_pasted_address_note_suggested_version_and_refusals(int width)
    {
        var page = await OpenAsync(width, "/connect/connectwise-psa");
        await page.Locator("#field-Hostname").FillAsync("https://cw.example.com/v4_6_release/apis/3.0/");
        await page.Locator("#field-Hostname").BlurAsync();
        await page.Locator("#field-ApiVersion").FillAsync("v2025");
        await page.Locator("#field-ApiVersion").BlurAsync();
        await Assertions.Expect(page.GetByTestId("note-Hostname")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-connectwise-errors-{width}");

        await FillAndSubmitAsync(
            page,
            ("Hostname", CW.Hostname), ("ApiVersion", CW.UnsupportedApiVersion), ("ClientId", CW.ClientId),
            ("Username", CW.Username), ("Password", CW.Password));
        await Assertions.Expect(page.GetByTestId("use-suggestion")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-connectwise-unsupported-version-{width}");

        await FillAndSubmitAsync(page, ("ApiVersion", CW.ApiVersion), ("Username", CW.UnknownCompanyUsername));
        await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await CheckAsync(page, $"pseudo-connectwise-unknown-company-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Not_found_expired_link_used_link_and_a_reconnect(int width)
    {
        var page = await OpenAsync(width, "/connect/no-such-provider");
        await CheckAsync(page, $"pseudo-not-found-{width}");

        await page.GotoAsync("/connect?session=" + new string('a', 43));
        await CheckAsync(page, $"pseudo-link-invalid-{width}");

        // A session's connection, then its used link, then a reconnect of that connection.
        var endUserId = $"pseudo-{width}";
        var connectUrl = await App.CreateSessionAsync(new { endUserId, allowedProviders = new[] { "connectwise-psa" } });
        await page.GotoInteractiveAsync(connectUrl);
        await FillAndSubmitAsync(
            page,
            ("Hostname", CW.Hostname), ("ApiVersion", CW.ApiVersion), ("ClientId", CW.ClientId), ("Username", CW.Username), ("Password", CW.Password));
        var connectionId = await page.GetByTestId("connection-id").TextContentAsync();
        await CheckAsync(page, $"pseudo-session-connected-{width}");

        await page.GotoAsync(connectUrl);
        await CheckAsync(page, $"pseudo-link-used-{width}");

        await page.GotoInteractiveAsync(await App.CreateSessionAsync(new { endUserId, reconnectConnectionId = connectionId }));
        await Assertions.Expect(page.GetByTestId("reconnect-notice")).ToBeVisibleAsync();
        await CheckAsync(page, $"pseudo-reconnect-{width}");
    }

    [Fact]
    public async Task The_reconnect_dialog_and_the_language_menu()
    {
        await using var context = await browser.NewContextAsync(App.BaseUrl, 390);
        var page = await context.NewPageAsync();
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            circuit = socket;
        });
        await page.GotoInteractiveAsync("/connect/konnektive");
        await page.GetByTestId("language-picker").Locator("summary").ClickAsync();
        await CheckAsync(page, "pseudo-language-menu-390");

        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket => socket.CloseAsync());
        await circuit!.CloseAsync(new() { Code = 1011, Reason = "network drop" });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await CheckAsync(page, "pseudo-reconnect-dialog-390");
    }

    private async Task<IPage> OpenAsync(int width, string path)
    {
        var context = await browser.NewContextAsync(App.BaseUrl, width);
        var page = await context.NewPageAsync();
        page.Close += async (_, _) => await context.DisposeAsync();
        await page.GotoInteractiveAsync(path);
        return page;
    }

    private static async Task FillAndSubmitAsync(IPage page, params (string Field, string Value)[] values)
    {
        foreach (var (field, value) in values)
        {
            await page.Locator($"#field-{field}").FillAsync(value);
        }

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit").Or(page.GetByTestId("connect-success")).First).ToBeVisibleAsync();
        // The button says it is busy with aria-disabled while the provider is asked.
        await Assertions.Expect(page.Locator("[data-testid=submit][aria-disabled=true]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    /// <summary>Fails on any word outside a resource, in the visible text or the texts screen readers get, and on anything cut off.</summary>
    private static async Task CheckAsync(IPage page, string screenshot)
    {
        Assert.Equal(PseudoLocalization.CultureName, await page.Locator("html").GetAttributeAsync("lang"), StringComparer.OrdinalIgnoreCase);
        await page.SaveScreenshotAsync(screenshot);
        var texts = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(ReadTextsScript))!;
        Assert.NotEmpty(texts);
        var stray = texts
            .SelectMany(text => PseudoLocalization.StrayWords(text).Select(word => (word, text)))
            .Where(found => !FormattedWords.Contains(found.word))
            .Select(found => $"\"{found.word}\" in \"{found.text}\"")
            .Distinct()
            .ToArray();
        Assert.True(stray.Length == 0, $"{screenshot}: text not from a resource:{Environment.NewLine}{string.Join(Environment.NewLine, stray)}");

        var cut = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(CutOffScript))!;
        Assert.True(cut.Length == 0, $"{screenshot}: cut off or overflowing:{Environment.NewLine}{string.Join(Environment.NewLine, cut)}");
    }

    // Visible texts and the labels screen readers read, outside code, pre and translate="no" (product names, values,
    // language names). A text is read whole from its nearest block (a paragraph, list item, heading, label, cell...):
    // one resource may be drawn as several nodes (bold words in a guide step), and its brackets only enclose the whole.
    private const string ReadTextsScript = """
        () => {
          const skip = "code, pre, script, style, [translate=no], [aria-hidden=true]";
          const blocks = "p, li, h1, h2, h3, h4, h5, h6, label, button, td, th, dt, dd, summary, legend, figcaption, a";
          const seen = new Set();
          const texts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!node.textContent.trim() || !element || element.closest(skip)) continue;
            if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
            const block = element.closest(blocks) ?? element;
            if (seen.has(block)) continue;
            seen.add(block);
            const copy = block.cloneNode(true);
            for (const skipped of copy.querySelectorAll(skip)) skipped.remove();
            const text = copy.textContent.trim();
            if (text) texts.push(text);
          }
          for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
            if (element.closest(skip)) continue;
            for (const name of ["aria-label", "placeholder", "title", "alt"]) {
              const value = element.getAttribute(name);
              if (value && value.trim()) texts.push(value.trim());
            }
          }
          texts.push(document.title);
          return JSON.stringify(texts);
        }
        """;

    // The page must not scroll sideways, and no visible element may clip its own text.
    private const string CutOffScript = """
        () => {
          // A click's ripple grows past its button for a moment: not the page's layout.
          for (const ripple of document.querySelectorAll(".mud-ripple-effect")) ripple.remove();
          const problems = [];
          const root = document.scrollingElement;
          if (root.scrollWidth > window.innerWidth + 1) problems.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
          for (const element of document.body.querySelectorAll("*")) {
            // Screen-reader-only text clips on purpose; a closed tooltip waits off screen.
            if (!element.checkVisibility() || element.closest("pre, [aria-hidden=true], .visually-hidden, .mud-popover:not(.mud-popover-open)")) continue;
            const style = getComputedStyle(element);
            const clips = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
            if (clips && element.scrollWidth > element.clientWidth + 1 && element.textContent.trim()) {
              problems.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")}: "${element.textContent.trim().slice(0, 60)}" needs ${element.scrollWidth}px, has ${element.clientWidth}px`);
            }
            const box = element.getBoundingClientRect();
            if (box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1) && style.position !== "fixed" && !element.closest("[role=dialog], dialog")) {
              problems.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} spans ${Math.round(box.left)}..${Math.round(box.right)}px of ${window.innerWidth}px`);
            }
          }
          return JSON.stringify([...new Set(problems)].slice(0, 20));
        }
        """;
}
