using ConnectUi.Connections.Storage;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Storage;
using ConnectUi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Connections;

/// <summary>
/// The real <c>AddConnections</c> registration over a migrated SQLite file of the test's own, with fake verifiers,
/// a fake clock and captured logs. Deletes the file when disposed.
/// </summary>
public sealed class ConnectionsTestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;
    private AsyncServiceScope? _storeScope;

    private ConnectionsTestDatabase(TimeSpan? busyTimeout)
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "connectui.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true };
        if (busyTimeout is { } timeout)
        {
            connectionString.DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        }

        ConnectionString = connectionString.ToString();
        Konnektive = new FakeProviderVerifier(KonnektiveProvider.Id, Time);
        ConnectWise = new FakeProviderVerifier(ConnectWisePsaProvider.Id, Time);
    }

    public string DatabasePath { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Time { get; } = new(TestServices.Now);
    public FakeProviderVerifier Konnektive { get; }
    public FakeProviderVerifier ConnectWise { get; }
    public IServiceProvider Services => _services ?? throw new ObjectDisposedException(nameof(ConnectionsTestDatabase));
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <param name="busyTimeout">How long a command waits for another connection's lock (SQLite's default is 30 s).</param>
    public static async Task<ConnectionsTestDatabase> CreateAsync(Action<IServiceCollection>? configure = null, TimeSpan? busyTimeout = null)
    {
        var database = new ConnectionsTestDatabase(busyTimeout);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ConnectUi"] = database.ConnectionString })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddSingleton<IProviderVerifier>(database.Konnektive);
        services.AddSingleton<IProviderVerifier>(database.ConnectWise);
        services.AddConnections(configuration);
        configure?.Invoke(services);
        database._services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await database.Services.MigrateConnectUiDatabaseAsync();
        return database;
    }

    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConnectionService>().ConnectAsync(request, cancellationToken);
    }

    /// <summary>The read side, from a scope of its own as a page's circuit would have.</summary>
    public IConnectionStore Store => (_storeScope ??= Services.CreateAsyncScope()).ServiceProvider.GetRequiredService<IConnectionStore>();

    public async Task<List<ConnectionRecord>> ConnectionRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await db.Connections.AsNoTracking().ToListAsync();
    }

    public async Task<List<VerificationAttemptRecord>> AttemptRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await db.VerificationAttempts.AsNoTracking().ToListAsync();
    }

    /// <summary>Runs SQL straight on the file, bypassing EF: to break the database or read a row exactly as stored.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every column of every Connections row, as SQLite returns it, for byte-for-byte comparison.</summary>
    public async Task<List<object[]>> RawConnectionRowsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Connections ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Closes every connection so SQLite checkpoints its journal, then returns the bytes of every database file.</summary>
    public async Task<IReadOnlyList<byte[]>> CloseAndReadFilesAsync()
    {
        await DisposeServicesAsync();
        return Directory.GetFiles(_folder).Select(File.ReadAllBytes).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeServicesAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task DisposeServicesAsync()
    {
        if (_storeScope is { } scope)
        {
            await scope.DisposeAsync();
            _storeScope = null;
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        SqliteConnection.ClearAllPools();
    }
}
