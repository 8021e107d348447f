using System.Net;
using ConnectUi.Connections.Storage;
using ConnectUi.Health;
using ConnectUi.Storage;
using ConnectUi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectUi.Tests.Health;

public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_running_app_with_its_database_is_live_and_ready_and_names_each_dependency()
    {
        var client = _app.CreateClient();
        using var live = await client.GetAsync(HealthEndpoints.LivePath);
        using var ready = await client.GetAsync(HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json; charset=utf-8", ready.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"status":"Healthy","checks":{"database":{"status":"Healthy"}}}""", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_migrations_left_to_the_operator_a_fresh_database_is_not_ready_but_the_app_is_live()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?> { [ConnectUiDatabase.MigrateOnStartKey] = "false" });
        var client = app.CreateClient();

        using var ready = await client.GetAsync(HealthEndpoints.ReadyPath);
        using var live = await client.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(
            """{"status":"Unhealthy","checks":{"database":{"status":"Unhealthy","description":"The database has no schema yet."}}}""",
            await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
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
        Assert.Contains("\"database\":{\"status\":\"Unhealthy\",\"description\":\"The database cannot be read.\"}", await ready.Content.ReadAsStringAsync());
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
    public async Task A_database_behind_this_version_is_not_ready_and_says_to_run_migrate()
    {
        await using (var db = Factory().CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
        }

        var result = await CheckAsync();

        var pending = Factory().CreateDbContext().Database.GetMigrations().Count() - 1;
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"The database schema is behind this version ({pending} migrations pending): run migrate.", result.Description);
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
