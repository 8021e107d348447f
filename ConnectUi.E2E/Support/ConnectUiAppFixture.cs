using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ConnectUi.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.E2E.Support;

/// <summary>
/// The real app, started in-process on Kestrel at a free loopback port, with its own database file and
/// the provider sandbox enabled (the simulators answer on the same server, over loopback). When scripts/test.sh runs the
/// suite against the cluster (<see cref="LocalCluster.Requested"/>) the shared fixture is instead a cluster with the same settings:
/// PostgreSQL, Redis, two published instances and nginx, and <see cref="BaseUrl"/> is the proxy.
/// </summary>
public sealed class ConnectUiAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "connectui-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _sharedFixture;
    private readonly Action<IServiceCollection>? _services;

    public ConnectUiAppFixture()
        : this(new Dictionary<string, string>())
    {
        _sharedFixture = true;
    }

    /// <summary>An app of a test's own, with settings over the shared defaults (xUnit needs one public constructor).</summary>
    /// <param name="services">Replaces services after the app registered its own (a test-only culture, for example).</param>
    internal ConnectUiAppFixture(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>The host API key the app accepts (configured as its SHA-256 hash, as in production).</summary>
    public const string HostApiKey = "e2e-host-api-key";

    /// <summary>A host origin allowed to embed ConnectUi besides ConnectUi's own.</summary>
    public const string AllowedHostOrigin = "https://host.example";

    public string BaseUrl { get; private set; } = string.Empty;

    public string DatabasePath => Path.Combine(_dataDirectory, "connectui.db");

    /// <summary>The cluster behind <see cref="BaseUrl"/> when the suite runs against it, otherwise null.</summary>
    public LocalCluster? Cluster { get; private set; }

    /// <summary>What every journey's app runs with, in-process or in the cluster.</summary>
    private static Dictionary<string, string> SharedSettings => new()
    {
        ["ConnectUi:Sandbox:Enabled"] = "true",
        ["ConnectUi:Outbound:Timeout"] = "00:00:03",
        ["ConnectUi:HostApiKeys:0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HostApiKey))),
        ["ConnectUi:Embedding:AllowedOrigins:0"] = AllowedHostOrigin,
        ["ConnectUi:HostName"] = "Example Host",

        // Every journey comes from one loopback address and reuses the sandbox accounts: the attempt limits
        // have unit tests of their own and must not make journeys depend on their order.
        ["ConnectUi:RateLimits:PerCaller:PermitLimit"] = "10000",
        ["ConnectUi:RateLimits:Lockout:AccountFailuresBeforeDelay"] = "10000",
        ["ConnectUi:RateLimits:Lockout:FailuresBeforeLockout"] = "10000",
    };

    /// <summary>
    /// What only the cluster runs with: a disconnected circuit is evicted (and persisted to Redis) after 5 seconds rather
    /// than 3 minutes, so the journey of a circuit resumed on another instance does not wait minutes.
    /// </summary>
    private static Dictionary<string, string> ClusterSettings => new()
    {
        [CircuitsServiceCollectionExtensions.DisconnectedRetentionKey] = "00:00:05",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:ConnectUi", $"Data Source={DatabasePath}");
        foreach (var (key, value) in SharedSettings.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }

        builder.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public async Task InitializeAsync()
    {
        if (_sharedFixture && LocalCluster.Requested)
        {
            Cluster = await LocalCluster.StartAsync(SharedSettings.Concat(ClusterSettings).ToDictionary());
            BaseUrl = Cluster.ProxyUrl;
            return;
        }

        UseKestrel();
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>How many connections the app's database holds (SQLite file, or the cluster's PostgreSQL).</summary>
    public async Task<long> CountConnectionsAsync()
    {
        if (Cluster is not null)
        {
            return (long)(await Cluster.ScalarAsync("""SELECT COUNT(*) FROM "Connections" """))!;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Connections";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every byte the database holds: the SQLite files (with journal), or a dump of the cluster's database.</summary>
    public async Task<IReadOnlyList<byte[]>> ReadDatabaseBytesAsync()
    {
        if (Cluster is not null)
        {
            return [await Cluster.DumpDatabaseAsync()];
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Directory.GetFiles(_dataDirectory).Select(File.ReadAllBytes).ToList();
    }

    /// <summary>An HTTP client for the host API, as a host backend would call it.</summary>
    public HttpClient CreateHostApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostApiKey);
        return client;
    }

    /// <summary>Creates a connect session through the host API and returns its connect URL.</summary>
    public async Task<string> CreateSessionAsync(object request)
    {
        using var client = CreateHostApiClient();
        using var response = await client.PostAsJsonAsync("api/connect/sessions", request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedSession>();
        return created!.ConnectUrl;
    }

    private sealed record CreatedSession(string Token, string ConnectUrl, DateTimeOffset ExpiresAt);

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; the next run does not depend on it.
        }
    }
}
