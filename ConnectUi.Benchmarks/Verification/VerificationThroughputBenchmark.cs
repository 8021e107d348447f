using System.Diagnostics;
using ConnectUi.Benchmarks.Hosting;
using ConnectUi.Benchmarks.Reporting;
using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Benchmarks.Verification;

/// <summary>
/// Concurrent Konnektive test calls against the simulator (same process, loopback), through the app's
/// verifier and through a bare HttpClient posting the same form; thread pool sampled throughout.
/// </summary>
public sealed class VerificationThroughputBenchmark(BenchmarkOptions options)
{
    private static readonly int[] Concurrency = [100, 500];

    public async Task RunAsync()
    {
        await using var app = BenchmarkApp.Start();
        var services = app.Services;
        var endpoint = new Uri(app.BaseUrl + "/sandbox/" + KonnektiveProvider.Id + "/" + KonnektiveVerifier.OrderQueryPath);
        using var bare = new HttpClient();

        var viaVerifier = (Func<Task<bool>>)(async () =>
        {
            using var scope = services.CreateScope();
            var verifier = scope.ServiceProvider.GetServices<IProviderVerifier>().Single(v => v.ProviderId == KonnektiveProvider.Id);
            var result = await verifier.VerifyAsync(Credentials(), CancellationToken.None);
            return result.IsVerified;
        });
        var viaBareClient = (Func<Task<bool>>)(async () =>
        {
            var today = DateTime.UtcNow.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            using var content = new FormUrlEncodedContent(
            [
                new("loginId", KonnektiveSandbox.LoginId),
                new("password", KonnektiveSandbox.Password),
                new("startDate", today),
                new("endDate", today),
                new("resultsPerPage", "1"),
            ]);
            using var response = await bare.PostAsync(endpoint, content);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("SUCCESS", StringComparison.Ordinal);
        });

        // Warm-up both paths.
        await RunBatchAsync(viaVerifier, 50);
        await RunBatchAsync(viaBareClient, 50);

        var sequential = new Table(
            $"5a. One call at a time ({options.SequentialCalls} calls each)",
            "Path", "Median ms", "p95 ms", "Failures");
        var sequentialMedians = new Dictionary<string, double>();
        foreach (var (name, call) in new[] { ("KonnektiveVerifier.VerifyAsync", viaVerifier), ("bare HttpClient POST", viaBareClient) })
        {
            var times = new List<double>();
            var failures = 0;
            for (var i = 0; i < options.SequentialCalls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                failures += await call() ? 0 : 1;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            sequentialMedians[name] = Stats.Median(times);
            sequential.Add(name, Stats.Median(times), Stats.P95(times), failures);
        }

        sequential.Add("ratio verifier / bare (medians)", sequentialMedians["KonnektiveVerifier.VerifyAsync"] / sequentialMedians["bare HttpClient POST"], "", "");

        var concurrent = new Table(
            $"5b. Concurrent calls, {options.BatchRuns} batches each (median; p95 over batches)",
            "Path", "Concurrent", "Batch ms median", "Batch ms p95", "Calls/s median", "Call p95 ms median", "Max queued work items", "Threads injected", "Failures");
        var ratios = new List<(int N, double Ratio)>();
        foreach (var n in Concurrency)
        {
            var medians = new Dictionary<string, double>();
            foreach (var (name, call) in new[] { ("verifier", viaVerifier), ("bare HttpClient", viaBareClient) })
            {
                var batches = new List<BatchResult>();
                for (var i = 0; i < options.BatchRuns; i++)
                {
                    batches.Add(await RunBatchAsync(call, n));
                }

                medians[name] = Stats.Median(batches.Select(b => b.TotalMs));
                concurrent.Add(
                    name,
                    n,
                    medians[name],
                    Stats.P95(batches.Select(b => b.TotalMs)),
                    Stats.Median(batches.Select(b => n / (b.TotalMs / 1000))),
                    Stats.Median(batches.Select(b => b.CallP95Ms)),
                    batches.Max(b => b.MaxPendingWorkItems),
                    batches.Max(b => b.MaxThreads),
                    batches.Sum(b => b.Failures));
            }

            ratios.Add((n, medians["verifier"] / medians["bare HttpClient"]));
        }

        ThreadPool.GetMinThreads(out var minWorkers, out _);
        concurrent.Notes.Add($"Overhead ratio verifier / bare (median batch time): {string.Join(", ", ratios.Select(r => $"{r.N} concurrent: {r.Ratio:N2}"))}. " +
            $"Thread pool minimum: {minWorkers} workers. \"Threads injected\": pool threads added while the batch ran; the pool adds " +
            "threads when queued work stops making progress (starvation), so 0 means none. " +
            "The simulator runs in the same process, so both columns include its share of the work.");
        sequential.Print();
        concurrent.Print();
    }

    private static KonnektiveCredentials Credentials() => new()
    {
        ApiLoginId = KonnektiveSandbox.LoginId,
        ApiPassword = KonnektiveSandbox.Password,
    };

    private static async Task<BatchResult> RunBatchAsync(Func<Task<bool>> call, int concurrency)
    {
        using var sampling = new CancellationTokenSource();
        var maxPending = 0L;
        var threadsBefore = ThreadPool.ThreadCount;
        var maxThreads = threadsBefore;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                maxPending = Math.Max(maxPending, ThreadPool.PendingWorkItemCount);
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                try
                {
                    await Task.Delay(5, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    // The batch is over; the loop ends.
                }
            }
        });

        var started = Stopwatch.GetTimestamp();
        var calls = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var callStarted = Stopwatch.GetTimestamp();
            var ok = await call();
            return (Ok: ok, Ms: Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds);
        }));
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        return new BatchResult(total, Stats.P95(calls.Select(c => c.Ms)), maxPending, maxThreads - threadsBefore, calls.Count(c => !c.Ok));
    }

    private sealed record BatchResult(double TotalMs, double CallP95Ms, long MaxPendingWorkItems, int MaxThreads, int Failures);
}
