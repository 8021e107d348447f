using System.Diagnostics;
using System.Globalization;
using ConnectUi.Benchmarks.EmptyBlazorServer;
using ConnectUi.Benchmarks.Hosting;
using ConnectUi.Benchmarks.Reporting;

namespace ConnectUi.Benchmarks.PageThroughput;

/// <summary>
/// Prerendered pages under load from Debian's wrk over loopback. wrk prints p50/p90/p99 but not p95,
/// so a small Lua <c>done()</c> prints the figures this table needs.
/// </summary>
public sealed class PageThroughputBenchmark(BenchmarkOptions options)
{
    private const string Report = """
        done = function(summary, latency, requests)
          local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
          io.write(string.format("BENCH %d %d %d %d %d %d\n", summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), errors))
        end
        """;

    /// <summary>The two pages, and a static file as the floor: what Kestrel, routing and wrk cost on this machine without rendering.</summary>
    private static readonly string[] Paths = ["/", "/connect/konnektive", "/favicon.svg"];

    private const string EmptyPageRow = "empty Blazor Server page (baseline)";

    /// <summary>The issue's goal: the Konnektive page at 16 connections answers at least half as many requests as the empty page.</summary>
    private const double GoalRatio = 0.5;
    private static readonly int[] Connections = [1, 16, 64];

    public async Task RunAsync()
    {
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : "wrk";
        var script = Path.Combine(Path.GetTempPath(), $"connectui-bench-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, Report);
        var table = new Table(
            $"2. Prerendered pages: wrk over loopback, {options.WrkSeconds} s per run, median of {options.WrkRuns} runs (p95 column: p95 over the runs)",
            "GET", "Connections", "Req/s median", "Req/s p95", "p50 ms median", "p95 ms median", "p95 ms p95", "p99 ms median", "Errors");
        var at16 = new Dictionary<string, double>();
        Interleaved goal;
        try
        {
            // The baseline first, in its own process, then the published app as it ships (sandbox off). The baseline stays up
            // for the goal's pairs at the end.
            using var empty = EmptyBlazorServerApp.Start(out var emptyUrl);
            try
            {
                await EmptyBlazorServerApp.WaitUntilListeningAsync(empty);
                at16[EmptyPageRow] = await MeasureAsync(table, wrk, script, EmptyPageRow, emptyUrl + "/");

                await using var app = await PublishedApp.StartAsync(options.PublishedApp, sandbox: false);
                foreach (var path in Paths)
                {
                    at16[path] = await MeasureAsync(table, wrk, script, path, app.BaseUrl + path);
                }

                goal = await InterleaveAsync(wrk, script, emptyUrl + "/", app.BaseUrl + "/connect/konnektive");
            }
            finally
            {
                empty.Kill(entireProcessTree: true);
                await empty.WaitForExitAsync();
            }
        }
        finally
        {
            File.Delete(script);
        }

        table.Notes.Add("\"Req/s p95\" is the 5th percentile of throughput over runs (the slow end). wrk shares the 2 cores with the app; " +
            "threads = min(2, connections).");
        table.Notes.Add($"The {EmptyPageRow} is a Blazor Server app of the benchmark project (ConnectUi.Benchmarks/EmptyBlazorServer): " +
            "a static document around an interactive router and a page with a heading, prerendered, antiforgery on, in its own process, " +
            "no MudBlazor, no security headers. ConnectUi runs as published, Production, sandbox off.");
        table.Print();
        new Goals("2b. Throughput goal (16 connections, same run; the two pages measured in turns)")
            .AtLeast(
                "Req/s of /connect/konnektive / req/s of the empty Blazor Server page",
                goal.Ratio,
                GoalRatio,
                "x")
            .Note($"In turns, {goal.Pairs} runs of each, one after the other: Konnektive {goal.Page:N0} req/s, empty page {goal.Baseline:N0} req/s " +
                "(medians). This machine's speed drifts over minutes; measured in turns, a slow stretch slows both pages alike. " +
                $"The table's rows, minutes apart: Konnektive {at16["/connect/konnektive"]:N0} req/s, empty page {at16[EmptyPageRow]:N0} req/s " +
                $"({at16["/connect/konnektive"] / at16[EmptyPageRow]:N2} x), catalog {at16["/"]:N0} req/s.")
            .Print();
    }

    /// <summary>
    /// The goal's two pages at 16 connections in turns (baseline, page, baseline, page...), both processes warm, so that a
    /// change in the machine's speed over minutes (other guests on the host) weighs on both alike.
    /// </summary>
    private async Task<Interleaved> InterleaveAsync(string wrk, string script, string baselineUrl, string pageUrl)
    {
        var pairs = options.WrkRuns * 2 - 1;
        var baseline = new List<double>();
        var page = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            baseline.Add((await RunWrkAsync(wrk, script, baselineUrl, 16, options.WrkSeconds)).RequestsPerSecond);
            page.Add((await RunWrkAsync(wrk, script, pageUrl, 16, options.WrkSeconds)).RequestsPerSecond);
        }

        return new Interleaved(pairs, Stats.Median(page), Stats.Median(baseline));
    }

    /// <summary>Warms a URL up, measures it at each connection count into the table, and returns its median req/s at 16 connections.</summary>
    private async Task<double> MeasureAsync(Table table, string wrk, string script, string row, string url)
    {
        // Warm-up: tiered JIT reaches its optimised code, caches fill; not reported.
        await RunWrkAsync(wrk, script, url, 16, options.WrkSeconds);
        var at16 = double.NaN;
        foreach (var connections in Connections)
        {
            var runs = new List<WrkRun>();
            for (var i = 0; i < options.WrkRuns; i++)
            {
                runs.Add(await RunWrkAsync(wrk, script, url, connections, options.WrkSeconds));
            }

            var median = Stats.Median(runs.Select(r => r.RequestsPerSecond));
            if (connections == 16)
            {
                at16 = median;
            }

            table.Add(
                row,
                connections,
                median,
                Stats.Percentile(runs.Select(r => r.RequestsPerSecond), 5),
                Stats.Median(runs.Select(r => r.P50Ms)),
                Stats.Median(runs.Select(r => r.P95Ms)),
                Stats.P95(runs.Select(r => r.P95Ms)),
                Stats.Median(runs.Select(r => r.P99Ms)),
                runs.Sum(r => r.Errors));
        }

        return at16;
    }

    private static async Task<WrkRun> RunWrkAsync(string wrk, string script, string url, int connections, int seconds)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "-t" + Math.Min(2, connections), "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                     "-s", script, "-H", "Accept-Encoding: gzip, br", url,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result: {output} {error}");
        var f = line.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new WrkRun(f[0] / (f[1] / 1_000_000), f[2] / 1000, f[3] / 1000, f[4] / 1000, (int)f[5]);
    }

    private sealed record Interleaved(int Pairs, double Page, double Baseline)
    {
        public double Ratio => Page / Baseline;
    }

    private sealed record WrkRun(double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, int Errors);
}
