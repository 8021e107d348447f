using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConnectUi.E2E.Support;

public static class PageExtensions
{
    /// <summary>Opens a page and waits until its Blazor circuit is connected, so typing and clicks reach the server.</summary>
    public static async Task<IResponse?> GotoInteractiveAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return response;
    }

    /// <summary>
    /// Runs axe on the page for its violations, every rule and impact. axe still runs every rule; asked for violations
    /// only, it reports one node per passed, incomplete or inapplicable rule instead of all of them, which the tests never
    /// read (axe's <c>resultTypes</c> option).
    /// </summary>
    public static Task<AxeResult> RunAxeForViolationsAsync(this IPage page) =>
        page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });

    /// <summary>The folder under the test output where journeys leave screenshots for people to look at.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves a full-page screenshot as <c>screenshots/{name}.png</c> under the test output.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // A full-page capture of a scrolled page draws the fixed app bar over the middle of the image.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Saves what the screen shows right now (no scrolling) as <c>screenshots/{name}.png</c>.</summary>
    public static async Task SaveViewportScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>
    /// Starts counting the moments the keyboard focus sits on the page body once the person has focused something:
    /// a disabled button, a removed form or a re-rendered region would drop it there. Read with <see cref="BodyFocusCountAsync"/>.
    /// </summary>
    public static Task WatchFocusAsync(this IBrowserContext context) => context.AddInitScriptAsync("""
        window.__bodyFocus = [];
        let started = false;
        document.addEventListener("focusin", () => { started = true; }, true);
        const check = () => {
            if (started && (document.activeElement === null || document.activeElement === document.body)) {
                window.__bodyFocus.push(performance.now());
            }
        };
        document.addEventListener("focusout", () => setTimeout(check, 0), true);
        setInterval(check, 10);
        """);

    /// <summary>How many times the focus was seen on the page body since <see cref="WatchFocusAsync"/> started.</summary>
    public static Task<int> BodyFocusCountAsync(this IPage page) => page.EvaluateAsync<int>("() => window.__bodyFocus.length");

    /// <summary>How many times a text occurs in the page's DOM (visible or not, live regions included).</summary>
    public static Task<int> CountInDomAsync(this IPage page, string text) => page.EvaluateAsync<int>(
        "text => document.body.textContent.split(text).length - 1", text);

    /// <summary>The texts of the page's live regions (role alert/status/log or aria-live) that contain a text.</summary>
    public static Task<string[]> LiveRegionsContainingAsync(this IPage page, string text) => page.EvaluateAsync<string[]>(
        """
        text => [...document.querySelectorAll("[aria-live], [role=alert], [role=status], [role=log]")]
            .filter(e => e.getAttribute("aria-live") !== "off" && e.textContent.includes(text))
            .map(e => e.id || e.className || e.tagName)
        """, text);

    /// <summary>Where an element's top edge is, relative to the viewport, and the viewport's height.</summary>
    public static async Task<(double Top, double Bottom, double ViewportHeight)> ViewportPositionAsync(this ILocator locator)
    {
        var box = await locator.EvaluateAsync<double[]>(
            "e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; }");
        return (box[0], box[1], box[2]);
    }

    /// <summary>True when the page scrolls sideways (wider content than the viewport).</summary>
    public static Task<bool> HasHorizontalScrollAsync(this IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth");
}
