using Microsoft.Playwright;

namespace ConnectUi.E2E.Support;

/// <summary>
/// One headless Chromium for the whole test run. Playwright cannot download its own browsers here,
/// so it drives the system Chromium (Debian's /usr/bin/chromium, or CONNECTUI_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CONNECTUI_CHROMIUM";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it (apt-get install -y chromium) or set {ChromiumVariable}.");
        }

        _playwright = await Playwright.CreateAsync();
        if (LocalCluster.Requested)
        {
            // Two instances, PostgreSQL, Redis and nginx share the CI machine's two cores with the browser: the same
            // expectations, given more time to come true.
            Assertions.SetDefaultExpectTimeout(15_000);
        }

        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh, isolated context per test: no cookies or storage shared between tests.</summary>
    /// <param name="locale">The browser's language (its Accept-Language); English unless a journey asks for another.</param>
    /// <param name="javaScriptEnabled">False to see the pages as served, before (or without) the interactive circuit.</param>
    public async Task<IBrowserContext> NewContextAsync(
        string baseUrl, int width = 1280, ColorScheme colorScheme = ColorScheme.Light, string locale = "en-US", bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = colorScheme,
            Locale = locale,
            JavaScriptEnabled = javaScriptEnabled,
        });
        return ForCluster(context);
    }

    /// <summary>A phone: 390 x 844 CSS pixels (or narrower), touch, device scale 3.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(string baseUrl, int width = 390, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            ColorScheme = colorScheme,
        });
        return ForCluster(context);
    }

    /// <summary>Behind nginx, with two published instances on a loaded machine, pages take longer to answer.</summary>
    private static IBrowserContext ForCluster(IBrowserContext context)
    {
        if (LocalCluster.Requested)
        {
            context.SetDefaultNavigationTimeout(60_000);
            context.SetDefaultTimeout(30_000);
        }

        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
