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
}
