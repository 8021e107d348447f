using System.Diagnostics;
using ConnectUi.Benchmarks.Circuits;
using ConnectUi.Benchmarks.EmptyBlazorServer;
using ConnectUi.Benchmarks.Interaction;
using ConnectUi.Benchmarks.PageThroughput;
using ConnectUi.Benchmarks.PageWeight;
using ConnectUi.Benchmarks.Verification;

namespace ConnectUi.Benchmarks;

/// <summary>Runs every measurement and prints one Markdown table per measurement.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The circuit load runs in a child process of this program, so its objects stay out of the app's heap.
        if (args.Length > 0 && args[0] == CircuitClientProcess.Command)
        {
            return await CircuitClientProcess.RunAsync(args[1..]);
        }

        // The throughput baseline runs in a process of its own, as the published app does.
        if (args.Length > 0 && args[0] == EmptyBlazorServerApp.Command)
        {
            return await EmptyBlazorServerApp.RunAsync(args[1..]);
        }

        var options = BenchmarkOptions.Parse(args);
        var started = Stopwatch.StartNew();
        Console.WriteLine($"# ConnectUi benchmark ({(options.Quick ? "quick: too few repetitions for figures" : "full")})");
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
            $"server GC: {System.Runtime.GCSettings.IsServerGC}. Sections 1-2: published app (Release) in a child process; " +
            "sections 3-5: the app hosted in this process (Release build). Both in environment Production with the provider simulators on.");

        var sections = new (int Number, Func<Task> Run)[]
        {
            (1, () => new PageWeightBenchmark(options).RunAsync()),
            (2, () => new PageThroughputBenchmark(options).RunAsync()),
            (3, () => new CircuitMemoryBenchmark(options).RunAsync()),
            (4, () => new InteractionLatencyBenchmark(options).RunAsync()),
            (5, () => new VerificationThroughputBenchmark(options).RunAsync()),
        };
        foreach (var (number, run) in sections.Where(s => options.Runs(s.Number)))
        {
            var sectionStarted = Stopwatch.StartNew();
            await run();
            // Other work on the machine shows up in every timing; the load average says how much there was.
            var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
            Console.WriteLine($"\n_(section {number}: {sectionStarted.Elapsed.TotalSeconds:N0} s; load average 1/5/15 min at its end: {load})_");
        }

        Console.WriteLine($"\nTotal run time: {started.Elapsed.TotalMinutes:N1} min");
        return 0;
    }
}
