using System.Diagnostics;
using System.Text;

namespace ConnectUi.E2E.Support;

/// <summary>
/// A cluster started by <c>scripts/cluster.sh</c>: PostgreSQL, Redis, N published ConnectUi instances and nginx in
/// front, all on loopback ports in a temporary folder. Stopping it ends those processes by PID and deletes the folder.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>Set (to 1) by scripts/test.sh, which runs the whole suite against the cluster: the shared app fixture is then this cluster.</summary>
    public const string ClusterVariable = "CONNECTUI_E2E_CLUSTER";

    private readonly string _directory;
    private Dictionary<string, string> _state;

    private LocalCluster(string directory, Dictionary<string, string> state)
    {
        _directory = directory;
        _state = state;
    }

    public static bool Requested => Environment.GetEnvironmentVariable(ClusterVariable) is "1" or "true";

    public string ProxyUrl => _state["PROXY_URL"];

    public string PostgresConnectionString => _state["POSTGRES_CONNECTION"];

    public string RedisConnectionString => _state["REDIS_CONNECTION"];

    public int InstanceCount => int.Parse(_state["INSTANCES"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Instance <paramref name="number"/> (1-based), reached directly rather than through the proxy.</summary>
    public string InstanceUrl(int number) => _state[$"INSTANCE_{number}_URL"];

    /// <summary>The instance behind an <c>X-ConnectUi-Upstream</c> value (its host:port).</summary>
    public int InstanceAt(string upstreamAddress) =>
        Enumerable.Range(1, InstanceCount).Single(n => InstanceUrl(n).EndsWith("//" + upstreamAddress, StringComparison.Ordinal));

    /// <summary>Starts a cluster whose instances get <paramref name="settings"/> (configuration keys, as the app reads them).</summary>
    public static async Task<LocalCluster> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "connectui-e2e-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        await RunScriptAsync(environment, "--dir", directory);
        return new LocalCluster(directory, ReadState(directory));
    }

    /// <summary>Ends an instance the way a crash would: SIGKILL, no shutdown, no goodbye to its circuits.</summary>
    public void KillInstance(int number)
    {
        using var process = Process.GetProcessById(int.Parse(_state[$"INSTANCE_{number}_PID"], System.Globalization.CultureInfo.InvariantCulture));
        process.Kill();
        process.WaitForExit(10_000);
    }

    /// <summary>Starts a stopped or killed instance again, with its settings, and waits until it is ready.</summary>
    public async Task StartInstanceAsync(int number)
    {
        await RunScriptAsync(new Dictionary<string, string>(), "--start-instance", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", _directory);
        _state = ReadState(_directory);
    }

    /// <summary>Runs SQL against the cluster's database and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Every byte the database holds in its tables, as <c>pg_dump</c> writes them.</summary>
    public async Task<byte[]> DumpDatabaseAsync()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString);
        var start = new ProcessStartInfo(Path.Combine(_state["POSTGRES_BIN"], "pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "--data-only", connection.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var dump = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(dump);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("pg_dump failed: " + await errors);
        }

        return dump.ToArray();
    }

    /// <summary>Keeps the instances' and nginx's logs under the test output (cluster-logs/), then stops everything.</summary>
    public async ValueTask DisposeAsync()
    {
        var logs = Path.Combine(AppContext.BaseDirectory, "cluster-logs");
        Directory.CreateDirectory(logs);
        foreach (var log in Directory.GetFiles(_directory, "*.log").Concat(Directory.GetFiles(Path.Combine(_directory, "nginx", "logs"))))
        {
            File.Copy(log, Path.Combine(logs, Path.GetFileName(log)), overwrite: true);
        }

        await RunScriptAsync(new Dictionary<string, string>(), "--stop", "--dir", _directory);
    }

    private static Dictionary<string, string> ReadState(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "cluster.env"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

    private static async Task RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "scripts", "cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await standardOutput).Append(await standardError);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        }
    }

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConnectUi.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ConnectUi.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
