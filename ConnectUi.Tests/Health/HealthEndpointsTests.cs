using System.Net;
using ConnectUi.Connections.Storage;
using ConnectUi.Health;
using ConnectUi.Storage;
using ConnectUi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectUi.Tests.Health;

public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(HealthEndpoints.LivePath)]
    [InlineData(HealthEndpoints.ReadyPath)]
    public async Task A_running_app_with_its_database_is_live_and_ready(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unreadable_database_makes_the_app_unready_but_still_live()
    {
        var client = _app.CreateClient();
        await client.GetAsync(HealthEndpoints.LivePath);
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(_app.DatabasePath, "this is not a SQLite database, just bytes"u8.ToArray());

        using var ready = await client.GetAsync(HealthEndpoints.ReadyPath);
        using var live = await client.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}

public sealed class DatabaseHealthCheckTests : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task A_database_without_our_schema_is_not_ready()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database has no schema yet.", result.Description);
    }

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        await using (var db = Factory().CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_not_ready_and_says_no_more_than_that()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await File.WriteAllTextAsync(_path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database cannot be read.", result.Description);
        Assert.IsType<SqliteException>(result.Exception);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new DatabaseHealthCheck(Factory()).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("database", _ => null!, null, null),
        });

    private PooledDbContextFactory<ConnectUiDbContext> Factory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        return new PooledDbContextFactory<ConnectUiDbContext>(
            new DbContextOptionsBuilder<ConnectUiDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);
    }
}
