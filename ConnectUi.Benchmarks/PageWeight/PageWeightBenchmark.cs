using System.Collections.Concurrent;
using System.Text.Json;
using ConnectUi.Benchmarks.Hosting;
using ConnectUi.Benchmarks.Reporting;
using Microsoft.Playwright;

namespace ConnectUi.Benchmarks.PageWeight;

/// <summary>
/// First-visit weight as Chromium sees it over CDP: bytes on the wire per response (encodedDataLength:
/// compressed as served, headers included), by resource type, in a fresh context (empty cache) per load.
/// </summary>
public sealed class PageWeightBenchmark(BenchmarkOptions options)
{
    /// <summary>
    /// The baseline document is answered by the browser's request routing (same origin, 0.3 KiB); the files it
    /// links are fetched from the app, so they weigh what the app serves.
    /// </summary>
    private const string BaselinePath = "/__benchmark/baseline";

    private const string BaselineHtml = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <base href="/" />
            <title>Baseline</title>
            <link rel="stylesheet" href="_content/MudBlazor/MudBlazor.min.css" />
        </head>
        <body>
            <script src="_framework/blazor.web.js"></script>
            <script src="_content/MudBlazor/MudBlazor.min.js"></script>
        </body>
        </html>
        """;

    private static readonly string[] Kinds = ["HTML", "CSS", "JS", "Fonts", "Images", "Other"];

    /// <summary>The issue's goal for a first visit, sandbox off: 0.8 of the 142.5 KB the compared connect UI ships.</summary>
    public const double GoalKilobytes = 114;

    public async Task RunAsync()
    {
        var goals = new Goals("1c. First-visit goals (sandbox off; KB = 1,000 bytes, as the goal is stated)");
        foreach (var sandbox in new[] { false, true })
        {
            await using var app = await PublishedApp.StartAsync(options.PublishedApp, sandbox);
            var totals = await WeighAsync(app, sandbox);
            if (!sandbox)
            {
                foreach (var (path, bytes) in totals)
                {
                    goals.AtMost($"First visit {path}", bytes / 1000, GoalKilobytes, "KB");
                }

                (await EncodingsAsync(app)).Print();
            }
        }

        goals.Print();
    }

    /// <summary>Loads each page several times in fresh contexts, prints the table and returns each page's median total.</summary>
    private async Task<IReadOnlyList<(string Path, double Bytes)>> WeighAsync(PublishedApp app, bool sandbox)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var pages = new List<(string Name, string Path, bool Interactive)>
        {
            ("Catalog /", "/", true),
            ("/connect/konnektive", "/connect/konnektive", true),
            ("/connect/connectwise-psa", "/connect/connectwise-psa", true),
        };
        if (!sandbox)
        {
            pages.Insert(0, ("Baseline: empty page + MudBlazor CSS/JS + blazor.web.js", BaselinePath, false));
        }

        // Warm-up: first render of each page JIT-compiles it; not reported.
        foreach (var page in pages)
        {
            await LoadAsync(chromium.Browser, app.BaseUrl + page.Path, page.Interactive);
        }

        var table = new Table(
            $"1{(sandbox ? "d" : "")}. First visit weight, sandbox {(sandbox ? "on" : "off")}, KiB on the wire (compressed as served), median of {options.PageLoads} loads",
            "Page", "HTML", "HTML decoded", "CSS", "JS", "Fonts", "Images", "Other", "Total", "Total p95", "Requests", "WebSocket until interactive");
        var totals = new List<(string, double)>();
        foreach (var page in pages)
        {
            var loads = new List<Load>();
            for (var i = 0; i < options.PageLoads; i++)
            {
                loads.Add(await LoadAsync(chromium.Browser, app.BaseUrl + page.Path, page.Interactive));
            }

            if (page.Path != BaselinePath)
            {
                totals.Add((page.Path, Stats.Median(loads.Select(l => l.Total))));
            }

            table.Add(
                [
                    page.Name,
                    Table.Kb(Stats.Median(loads.Select(l => l.Bytes("HTML")))),
                    Table.Kb(Stats.Median(loads.Select(l => l.HtmlDecoded))),
                    .. Kinds.Skip(1).Select(k => (object)Table.Kb(Stats.Median(loads.Select(l => l.Bytes(k))))),
                    Table.Kb(Stats.Median(loads.Select(l => l.Total))),
                    Table.Kb(Stats.P95(loads.Select(l => l.Total))),
                    Stats.Median(loads.Select(l => (double)l.Requests)),
                    Table.Kb(Stats.Median(loads.Select(l => l.WebSocketBytes))),
                ]);
        }

        table.Notes.Add("Total = HTTP responses (headers + compressed bodies). \"Other\" is blazor.web.js's fetch of _blazor/initializers and, on a page with a circuit, the SignalR negotiate call. WebSocket = circuit frames " +
            "both ways until the page is interactive (payload bytes), not counted in Total. The baseline opens no circuit.");
        table.Print();
        return totals;
    }

    /// <summary>What each main resource is served as, to a client that accepts gzip and Brotli.</summary>
    private static async Task<Table> EncodingsAsync(PublishedApp app)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        var table = new Table(
            "1b. Encoding as served (Accept-Encoding: gzip, deflate, br, zstd): each page's HTML and every file the catalog links",
            "Resource", "Content-Encoding", "Body KiB", "Headers bytes", "of which security headers");
        var catalog = await http.GetStringAsync(app.BaseUrl + "/");
        var linked = System.Text.RegularExpressions.Regex.Matches(catalog, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"")
            .Select(m => "/" + m.Groups[1].Value.TrimStart('/'))
            .Distinct();
        foreach (var path in new[] { "/", "/connect/konnektive", "/connect/connectwise-psa" }.Concat(linked))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var headers = response.Headers.Concat(response.Content.Headers).ToArray();
            table.Add(
                path,
                string.Join(",", response.Content.Headers.ContentEncoding) is { Length: > 0 } e ? e : "none",
                Table.Kb(body.Length),
                HeaderBytes(headers),
                HeaderBytes(headers.Where(h => SecurityHeaders.Contains(h.Key))));
        }

        table.Notes.Add("Header bytes as HTTP/1.1 sends them (`Name: value` and CRLF per header, status line not counted). Security headers: " +
            string.Join(", ", SecurityHeaders) + ".");
        return table;
    }

    private static readonly HashSet<string> SecurityHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options",
    };

    private static double HeaderBytes(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        headers.Sum(h => h.Value.Sum(v => h.Key.Length + 2 + v.Length + 2));

    private static async Task<Load> LoadAsync(IBrowser browser, string url, bool interactive)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var kinds = new ConcurrentDictionary<string, string>();
        var encoded = new ConcurrentDictionary<string, double>();
        var decoded = new ConcurrentDictionary<string, double>();
        var webSocket = 0.0;
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                kinds[json.GetProperty("requestId").GetString()!] = Kind(json.GetProperty("type").GetString());
            }
        };
        cdp.Event("Network.dataReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                decoded.AddOrUpdate(json.GetProperty("requestId").GetString()!, json.GetProperty("dataLength").GetDouble(), (_, v) => v + json.GetProperty("dataLength").GetDouble());
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                encoded[json.GetProperty("requestId").GetString()!] = json.GetProperty("encodedDataLength").GetDouble();
            }
        };
        void CountFrame(JsonElement? e)
        {
            if (e is { } json && json.TryGetProperty("response", out _))
            {
                var response = json.GetProperty("response");
                var payload = response.GetProperty("payloadData").GetString() ?? string.Empty;

                // Binary frames (opcode 2) arrive base64-encoded.
                var bytes = response.GetProperty("opcode").GetInt32() == 2 ? payload.Length * 3 / 4.0 : payload.Length;
                lock (kinds)
                {
                    webSocket += bytes;
                }
            }
        }

        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => CountFrame(e);
        cdp.Event("Network.webSocketFrameSent").OnEvent += (_, e) => CountFrame(e);
        await cdp.SendAsync("Network.enable");
        await page.RouteAsync("**" + BaselinePath, route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = BaselineHtml }));

        if (interactive)
        {
            await Chromium.GotoInteractiveAsync(page, url);
        }
        else
        {
            await page.GotoAsync(url);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        double webSocketBytes;
        lock (kinds)
        {
            webSocketBytes = webSocket;
        }

        var byKind = encoded.GroupBy(p => kinds.GetValueOrDefault(p.Key, "Other")).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var htmlDecoded = decoded.Where(p => kinds.GetValueOrDefault(p.Key) == "HTML").Sum(p => p.Value);
        return new Load(byKind, htmlDecoded, encoded.Count, webSocketBytes);
    }

    private static string Kind(string? resourceType) => resourceType switch
    {
        "Document" => "HTML",
        "Stylesheet" => "CSS",
        "Script" => "JS",
        "Font" => "Fonts",
        "Image" => "Images",
        _ => "Other",
    };

    private sealed record Load(IReadOnlyDictionary<string, double> ByKind, double HtmlDecoded, int Requests, double WebSocketBytes)
    {
        public double Bytes(string kind) => ByKind.GetValueOrDefault(kind);

        public double Total => ByKind.Values.Sum();
    }
}
