using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConnectUi.Benchmarks.Hosting;

/// <summary>
/// The app as it ships: the output of <c>dotnet publish -c Release</c>, started as a child process in
/// Production (provider simulators switched on by configuration, own SQLite file). Page weight and
/// throughput are measured against it: a build run in place serves CSS through the static-asset
/// development handler, gzip at level "no compression" (MudBlazor's CSS would count 613 KiB instead of 65 KiB).
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private PublishedApp(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    /// <summary>The app process's working set (resident memory) now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<PublishedApp> StartAsync(string publishDirectory, bool sandbox = true)
    {
        var assembly = Path.Combine(publishDirectory, "ConnectUi.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} not found: publish the app first (scripts/bench.sh does).");
        }

        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "connectui-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        foreach (var (key, value) in BenchmarkSettings.For(dataDirectory, sandbox))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The published app did not start.");

        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            try
            {
                using var response = await http.GetAsync(baseUrl + "/");
                if (response.IsSuccessStatusCode)
                {
                    return new PublishedApp(process, baseUrl, dataDirectory);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The published app did not answer GET / within 180 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing reads it again.
        }
    }
}
