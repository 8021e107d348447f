using System.Diagnostics;
using System.Globalization;
using ConnectUi.Benchmarks.EmptyBlazorServer;
using ConnectUi.Benchmarks.Hosting;
using ConnectUi.Benchmarks.Reporting;

namespace ConnectUi.Benchmarks.Circuits;

/// <summary>
/// Managed heap the app retains per open circuit on /connect/konnektive, after a full blocking GC,
/// read inside the app's own process. The circuits come from a SignalR-level client in a child process.
/// </summary>
public sealed class CircuitMemoryBenchmark(BenchmarkOptions options)
{
    private const string PagePath = "/connect/konnektive";

    public async Task RunAsync()
    {
        var steps = options.CircuitSteps;
        var samples = steps.ToDictionary(s => s, _ => new List<Sample>());
        var afterDisconnect = new List<Sample>();
        var baselines = new List<Sample>();
        var failures = new List<string>();
        for (var ramp = 0; ramp < options.CircuitRamps; ramp++)
        {
            // A fresh app per ramp: circuits left from the previous ramp would otherwise be retained for reconnection.
            await using var app = BenchmarkApp.Start(sandbox: false);
            await PrerenderFiveTimesAsync(app.BaseUrl + PagePath);

            var baseline = Measure(0, TimeSpan.Zero);
            baselines.Add(baseline);
            using var client = CircuitClientProcess.Start(app.BaseUrl, PagePath);
            foreach (var step in steps)
            {
                var started = Stopwatch.StartNew();
                await client.StandardInput.WriteLineAsync($"open {step}");
                await client.StandardInput.FlushAsync();
                var answer = (await client.StandardOutput.ReadLineAsync())?.Split(' ', 5)
                    ?? throw new InvalidOperationException("The circuit client stopped.");
                var open = int.Parse(answer[1], CultureInfo.InvariantCulture);
                if (answer[2] != "0")
                {
                    failures.Add($"{answer[2]} of {step} circuits failed ({answer[4]})");
                }

                samples[step].Add(Measure(open, started.Elapsed) - baseline);
            }

            await client.StandardInput.WriteLineAsync("exit");
            await client.StandardInput.FlushAsync();
            await client.StandardOutput.ReadLineAsync();
            await client.WaitForExitAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            afterDisconnect.Add(Measure(0, TimeSpan.Zero) - baseline);
        }

        var table = new Table(
            $"3. Memory per open circuit on {PagePath}, sandbox off (full GC, in the app's process; median over {options.CircuitRamps} ramps, p95 over ramps)",
            "Open circuits", "Heap retained MiB", "KiB per circuit", "KiB per circuit p95", "KiB per added circuit", "Process working set MiB", "Opening took s");
        Sample? previous = null;
        foreach (var step in steps)
        {
            var s = samples[step];
            var heap = Stats.Median(s.Select(x => x.HeapBytes));
            var marginal = previous is null ? double.NaN : (heap - previous.HeapBytes) / (step - previous.Circuits) / 1024;
            table.Add(
                step,
                heap / 1024 / 1024,
                Stats.Median(s.Select(x => x.HeapBytes / Math.Max(1, x.Circuits) / 1024)),
                Stats.P95(s.Select(x => x.HeapBytes / Math.Max(1, x.Circuits) / 1024)),
                marginal,
                Stats.Median(s.Select(x => x.WorkingSetBytes)) / 1024 / 1024,
                Stats.Median(s.Select(x => x.Opening.TotalSeconds)));
            previous = new Sample(step, heap, 0, TimeSpan.Zero);
        }

        var baselineNote = $"Heap figures are above a baseline taken after startup and 5 prerenders, before any circuit " +
            $"(heap {Stats.Median(baselines.Select(b => b.HeapBytes)) / 1024 / 1024:N1} MiB, working set {Stats.Median(baselines.Select(b => b.WorkingSetBytes)) / 1024 / 1024:N0} MiB; " +
            "the working set is the whole benchmark process, absolute, and server GC keeps memory it has freed committed). " +
            "Client: a SignalR-level Blazor circuit client (blazorpack over WebSockets, StartCircuit + UpdateRootComponents, render batches " +
            "acknowledged, JS interop answered) in a child process, so its own objects are not in the measured heap; it shares the CPU.";
        table.Notes.Add(baselineNote);
        table.Notes.Add($"After every client disconnected (+2 s): heap {Stats.Median(afterDisconnect.Select(x => x.HeapBytes)) / 1024 / 1024:N1} MiB above baseline " +
            "(disconnected circuits are kept for reconnection: CircuitOptions.DisconnectedCircuitMaxRetained, default 100, for DisconnectedCircuitRetentionPeriod, default 3 min).");
        table.Notes.AddRange(failures.Select(f => "Failures: " + f));
        table.Print();
        await ByPageAsync();
        await PublishedWorkingSetAsync();
    }

    /// <summary>Resident memory of the app as it ships, alone in its process: the figure a host's memory limit meets.</summary>
    private async Task PublishedWorkingSetAsync()
    {
        await using var app = await PublishedApp.StartAsync(options.PublishedApp, sandbox: false);
        await PrerenderFiveTimesAsync(app.BaseUrl + PagePath);

        var table = new Table(
            $"3c. Working set of the published app (its own process, server GC, sandbox off) with open circuits on {PagePath}, one ramp",
            "Open circuits", "Working set MiB", "Added per circuit KiB");
        var idle = app.WorkingSetBytes;
        table.Add(0, idle / 1024.0 / 1024, "");
        using var client = CircuitClientProcess.Start(app.BaseUrl, PagePath);
        foreach (var step in options.CircuitSteps)
        {
            await client.StandardInput.WriteLineAsync($"open {step}");
            await client.StandardInput.FlushAsync();
            _ = await client.StandardOutput.ReadLineAsync();
            var now = app.WorkingSetBytes;
            table.Add(step, now / 1024.0 / 1024, (now - idle) / 1024.0 / step);
        }

        await client.StandardInput.WriteLineAsync("exit");
        await client.StandardInput.FlushAsync();
        await client.StandardOutput.ReadLineAsync();
        await client.WaitForExitAsync();
        table.Notes.Add("No forced GC here (it is another process): the working set includes garbage not yet collected and memory the GC keeps committed.");
        table.Print();
    }

    /// <summary>The goals: managed heap per open circuit, KiB (the catalog should need no circuit at all).</summary>
    private static readonly Dictionary<string, double> GoalKib = new()
    {
        ["/"] = 120,
        ["/connect/konnektive"] = 200,
        ["/connect/connectwise-psa"] = 250,
    };

    /// <summary>The same measure for each page at one load, to see how much of a circuit's memory is the page's UI.</summary>
    private async Task ByPageAsync()
    {
        var circuits = options.Quick ? 20 : 200;
        var table = new Table(
            $"3b. Memory per circuit by page, {circuits} open circuits (one ramp each)",
            "Page", "Sandbox", "KiB per circuit", "Render batches KiB per circuit", "Process working set MiB");
        var goals = new Goals("3d. Memory goals (sandbox off, managed heap per open circuit)");
        // The floor: what a circuit of the empty Blazor Server page (the throughput baseline) costs in the same process.
        await using (var empty = await EmptyBlazorServerApp.StartInProcessAsync())
        {
            await PrerenderFiveTimesAsync(empty.Urls.Single() + "/");
            var sample = await OpenCircuitsAsync(empty.Urls.Single(), "/", circuits);
            table.Add("empty Blazor Server page (baseline)", "", sample.PerCircuitKib, sample.RenderBatchKib, sample.WorkingSetMib);
        }

        foreach (var (path, sandbox) in new[]
                 {
                     ("/", false), ("/connect/konnektive", false), ("/connect/connectwise-psa", false),
                     ("/connect/konnektive", true), ("/connect/connectwise-psa", true),
                 })
        {
            await using var app = BenchmarkApp.Start(sandbox);
            if (!BlazorCircuit.HasServerComponents(await PrerenderFiveTimesAsync(app.BaseUrl + path)))
            {
                table.Add(path, sandbox ? "on" : "off", "no circuit", "", "");
                if (!sandbox)
                {
                    goals.AtMost($"Heap per circuit {path} (it opens none)", 0, GoalKib[path], "KiB");
                }

                continue;
            }

            var sample = await OpenCircuitsAsync(app.BaseUrl, path, circuits);
            table.Add(path + sample.FailedNote, sandbox ? "on" : "off", sample.PerCircuitKib, sample.RenderBatchKib, sample.WorkingSetMib);
            if (!sandbox)
            {
                goals.AtMost($"Heap per circuit {path}", sample.PerCircuitKib, GoalKib[path], "KiB");
            }
        }

        table.Notes.Add("Render batches: the UI the server described to the client until the page settled (binary render batches); " +
            "the server keeps the matching render tree for every component of the circuit. \"no circuit\": the page's HTML holds no " +
            "interactive server component, so a browser opens no circuit for it.");
        table.Print();
        goals.Print();
    }

    /// <summary>Warms a page's prerender before the heap baseline is read; returns the last HTML.</summary>
    private static async Task<string> PrerenderFiveTimesAsync(string url)
    {
        using var http = new HttpClient();
        var html = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            html = await http.GetStringAsync(url);
        }

        return html;
    }

    /// <summary>Opens <paramref name="circuits"/> circuits on a page (its prerenders already warmed) and reads the heap they hold.</summary>
    private static async Task<PageSample> OpenCircuitsAsync(string baseUrl, string path, int circuits)
    {
        var baseline = Measure(0, TimeSpan.Zero);
        using var client = CircuitClientProcess.Start(baseUrl, path);
        await client.StandardInput.WriteLineAsync($"open {circuits}");
        await client.StandardInput.FlushAsync();
        var answer = (await client.StandardOutput.ReadLineAsync())?.Split(' ', 5)
            ?? throw new InvalidOperationException("The circuit client stopped.");
        var sample = Measure(int.Parse(answer[1], CultureInfo.InvariantCulture), TimeSpan.Zero) - baseline;
        await client.StandardInput.WriteLineAsync("exit");
        await client.StandardInput.FlushAsync();
        await client.StandardOutput.ReadLineAsync();
        await client.WaitForExitAsync();
        return new PageSample(
            sample.HeapBytes / Math.Max(1, sample.Circuits) / 1024,
            double.Parse(answer[3], CultureInfo.InvariantCulture) / 1024,
            sample.WorkingSetBytes / 1024 / 1024,
            answer[2] == "0" ? string.Empty : $" ({answer[2]} failed)");
    }

    private sealed record PageSample(double PerCircuitKib, double RenderBatchKib, double WorkingSetMib, string FailedNote);

    private static Sample Measure(int circuits, TimeSpan opening)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new Sample(circuits, GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64, opening);
    }

    private sealed record Sample(int Circuits, double HeapBytes, double WorkingSetBytes, TimeSpan Opening)
    {
        public static Sample operator -(Sample a, Sample b) =>
            new(a.Circuits, a.HeapBytes - b.HeapBytes, a.WorkingSetBytes, a.Opening);
    }
}
