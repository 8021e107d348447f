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
}
