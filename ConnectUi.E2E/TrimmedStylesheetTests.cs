using ConnectUi.E2E.Support;
using Microsoft.Playwright;

namespace ConnectUi.E2E;

/// <summary>
/// The pages link a MudBlazor stylesheet trimmed at build time to the rules they use (scripts/trim-css.sh). Every page
/// and state a person can reach must look exactly as it does with MudBlazor's whole stylesheet: each is captured twice,
/// once as served and once with the trimmed file swapped for the full one, and the two must match pixel for pixel.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TrimmedStylesheetTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    /// <summary>
    /// A handful of pixels may differ between two captures of the same page (a scrollbar fading on a loaded machine); a
    /// missing rule changes hundreds at least, as the hover and support-code differences this test caught did.
    /// </summary>
    private const int NoiseTolerance = 16;

    private const string TrimmedStylesheet = "**/lib/mudblazor/MudBlazor.trimmed.min*.css";

    public static TheoryData<string, string, int, string> States
    {
        get
        {
            var data = new TheoryData<string, string, int, string>();
            foreach (var (width, scheme) in new[] { (1280, "light"), (1280, "dark"), (390, "light"), (390, "dark") })
            {
                data.Add("catalog", "/", width, scheme);
                data.Add("konnektive", "/connect/konnektive", width, scheme);
                data.Add("connectwise-psa", "/connect/connectwise-psa", width, scheme);
            }

            data.Add("catalog-empty", "/?q=zzzz", 390, "dark");
            data.Add("konnektive-errors", "/connect/konnektive", 390, "light");
            data.Add("connectwise-psa-errors", "/connect/connectwise-psa", 1280, "dark");
            data.Add("konnektive-refused", "/connect/konnektive", 1280, "light");
            data.Add("konnektive-refused", "/connect/konnektive", 390, "dark");
            data.Add("connectwise-psa-copy-tooltip", "/connect/connectwise-psa", 1280, "light");
            data.Add("konnektive-sandbox-open", "/connect/konnektive", 1280, "dark");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task A_page_looks_the_same_with_the_trimmed_and_the_full_MudBlazor_stylesheet(string state, string path, int width, string scheme)
    {
        var name = $"stylesheet-{state}-{width}-{scheme}";
        using var http = new HttpClient();
        var full = await http.GetStringAsync(app.BaseUrl + "/_content/MudBlazor/MudBlazor.min.css");
        // Both captures at once, each in a browser context of its own: they wait for the server and the page at rest side by side.
        var captures = await Task.WhenAll(
            CaptureAsync(state, path, width, scheme, fullStylesheet: null),
            CaptureAsync(state, path, width, scheme, full));
        var (trimmed, reference) = (captures[0], captures[1]);

        var differing = await DifferingPixelsAsync(trimmed, reference);
        Directory.CreateDirectory(PageExtensions.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(PageExtensions.ScreenshotFolder, name + ".png"), trimmed);
        if (differing > NoiseTolerance)
        {
            await File.WriteAllBytesAsync(Path.Combine(PageExtensions.ScreenshotFolder, name + "-full.png"), reference);
        }

        Assert.True(differing <= NoiseTolerance, $"{name}: {differing} pixels differ between the trimmed and the full stylesheet (screenshots/{name}.png and {name}-full.png).");
    }

    private async Task<byte[]> CaptureAsync(string state, string path, int width, string scheme, string? fullStylesheet)
    {
        // Reduced motion: scrolling to a guide step is instant, so both captures see the page at rest.
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        if (fullStylesheet is not null)
        {
            await page.RouteAsync(TrimmedStylesheet, route => route.FulfillAsync(new() { ContentType = "text/css", Body = fullStylesheet }));
        }

        await page.GotoInteractiveAsync(path);
        if (path.StartsWith("/connect/", StringComparison.Ordinal))
        {
            // The support code line appears once the visit is recorded: both captures wait for it, or their heights differ.
            await Assertions.Expect(page.GetByTestId("support-code")).ToBeVisibleAsync();
        }

        var connect = page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true });
        switch (state)
        {
            case "catalog-empty":
                await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
                break;
            case "konnektive-errors" or "connectwise-psa-errors":
                // Clicked from script, not with the mouse: see konnektive-refused.
                await connect.EvaluateAsync("button => button.click()");
                await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
                break;
            case "konnektive-refused":
                // Clicked from script, not with the mouse: a hover left on a button would be drawn in one capture and not
                // in the other, depending on when Chromium updates it.
                await page.GetByText("Show the test credentials").ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Fill in the form for: Wrong password" }).EvaluateAsync("button => button.click()");
                await connect.EvaluateAsync("button => button.click()");
                await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeVisibleAsync();
                // The refusal shows before the button is enabled again, and the alert takes the focus (scrolling to it) a
                // moment later: both captures wait for the page at rest.
                await Assertions.Expect(connect).ToBeEnabledAsync();
                await Assertions.Expect(page.GetByTestId("provider-problem")).ToBeFocusedAsync();
                break;
            case "connectwise-psa-copy-tooltip":
                // The cloud hostnames of the ConnectWise guide (Konnektive's address list is empty unless configured).
                await page.Locator(".copy-list").GetByTestId("copy-button").First.HoverAsync();
                await Assertions.Expect(page.Locator(".copy-list").GetByTestId("copy-tooltip").First).ToBeVisibleAsync();
                break;
            case "konnektive-sandbox-open":
                await page.GetByText("Show the test credentials").ClickAsync();
                break;
        }

        // A full-page capture of a scrolled page draws the fixed app bar where the viewport was.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        // Every logo decoded: an image still loading in one capture and drawn in the other is no stylesheet difference.
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(image => image.complete && image.naturalWidth > 0)");

        // Focus rings are part of the comparison; motion is not, nor the support code, which each visit draws anew.
        return await page.ScreenshotAsync(new()
        {
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Mask = [page.GetByTestId("support-code")],
        });
    }

    /// <summary>Decodes both PNGs in the browser and counts the pixels that differ (any size difference counts as all).</summary>
    private async Task<int> DifferingPixelsAsync(byte[] a, byte[] b)
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        return await page.EvaluateAsync<int>(
            """
            async ([a, b]) => {
                const load = async (base64) => createImageBitmap(await (await fetch("data:image/png;base64," + base64)).blob());
                const [x, y] = [await load(a), await load(b)];
                if (x.width !== y.width || x.height !== y.height) return Math.max(x.width * x.height, y.width * y.height);
                const pixels = (image) => {
                    const canvas = new OffscreenCanvas(image.width, image.height);
                    const context = canvas.getContext("2d");
                    context.drawImage(image, 0, 0);
                    return context.getImageData(0, 0, image.width, image.height).data;
                };
                const [p, q] = [pixels(x), pixels(y)];
                let differing = 0;
                for (let i = 0; i < p.length; i += 4) {
                    if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2] || p[i + 3] !== q[i + 3]) differing++;
                }
                return differing;
            }
            """,
            new[] { Convert.ToBase64String(a), Convert.ToBase64String(b) });
    }
}
