using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ConnectUi.Benchmarks.Circuits;

/// <summary>
/// The circuit load, run as a child process so that its connections stay out of the measured heap.
/// Reads "open N" (hold N circuits in all) and "exit" on stdin; answers "ready OPEN FAILED RENDER-BYTES ERROR" on stdout.
/// </summary>
public static class CircuitClientProcess
{
    public const string Command = "circuit-client";

    private const int Parallelism = 8;

    public static Process Start(string baseUrl, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CircuitClientProcess).Assembly.Location);
        }

        foreach (var argument in new[] { Command, baseUrl, path })
        {
            start.ArgumentList.Add(argument);
        }

        // The client needs no server GC; a smaller footprint leaves more of the machine to the app.
        start.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(start) ?? throw new InvalidOperationException("The circuit client did not start.");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUri = new Uri(args[0].TrimEnd('/') + "/");
        var path = args[1];
        using var http = new HttpClient();
        var circuits = new ConcurrentBag<BlazorCircuit>();
        var failures = 0;
        string? firstError = null;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("open ", StringComparison.Ordinal))
            {
                var target = int.Parse(line[5..], CultureInfo.InvariantCulture);
                var toOpen = target - circuits.Count - failures;
                await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, toOpen)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (_, ct) =>
                {
                    try
                    {
                        circuits.Add(await BlazorCircuit.OpenAsync(http, baseUri, path, ct));
                    }
                    catch (Exception ex)
                    {
                        Interlocked.Increment(ref failures);
                        firstError ??= ex.GetType().Name + ": " + ex.Message;
                    }
                });
                await WaitUntilQuietAsync(circuits);
                var broken = circuits.Where(c => c.Error is not null || c.RenderBatches == 0).ToArray();
                firstError ??= broken.Select(c => c.Error ?? "no render batch").FirstOrDefault();
                var renderBytes = circuits.Count == 0 ? 0 : circuits.Average(c => c.RenderBytes);
                Console.WriteLine($"ready {circuits.Count - broken.Length} {failures + broken.Length} {renderBytes:F0} {firstError ?? "-"}");
            }
            else if (line == "exit")
            {
                await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, (c, _) => c.DisposeAsync());
                Console.WriteLine("bye");
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Every circuit has rendered and the server has sent nothing for a second (JS interop calls answered, renders acknowledged).</summary>
    private static async Task WaitUntilQuietAsync(IEnumerable<BlazorCircuit> circuits)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            var quiet = DateTime.UtcNow.Ticks - Interlocked.Read(ref BlazorCircuit.LastMessageTicks) > TimeSpan.TicksPerSecond;
            if (quiet && circuits.All(c => c.RenderBatches > 0 || c.Error is not null))
            {
                return;
            }
        }
    }
}
