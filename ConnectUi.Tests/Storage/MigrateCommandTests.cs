using ConnectUi.Cli;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ConnectUi.Storage;

namespace ConnectUi.Tests.Storage;

public sealed class MigrateCommandTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Migrate_is_one_of_the_commands()
    {
        using var app = App(("ConnectionStrings:ConnectUi", "Data Source=:memory:"));

        Assert.Contains(app.Services.GetServices<ICliCommand>(), c => c.Name == "migrate");
        Assert.True(CommandLine.IsCommand(["migrate"]));
        Assert.False(CommandLine.IsCommand(["--urls=http://127.0.0.1:5000"]));
    }

    [Fact]
    public async Task Migrate_applies_every_pending_migration_once_and_then_says_the_database_is_up_to_date()
    {
        await using var app = App(("ConnectionStrings:ConnectUi", $"Data Source={Path.Combine(_folder, "connectui.db")};Pooling=False"));

        Assert.Equal(0, await MigrateAsync(app));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal($"Sqlite database migrated: {string.Join(", ", db.Database.GetMigrations())}.", _output.ToString().Trim());
        }

        _output.GetStringBuilder().Clear();
        Assert.Equal(0, await MigrateAsync(app));
        Assert.Equal("Sqlite database is up to date; no migration was pending.", _output.ToString().Trim());
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_fails_with_exit_code_1_and_a_message_without_the_password()
    {
        await using var app = App(
            (ConnectUiDatabase.ProviderKey, "PostgreSql"),
            ("ConnectionStrings:ConnectUi", "Host=127.0.0.1;Port=1;Database=connectui;Username=connectui;Password=pg-secret-123;Timeout=2"));

        Assert.Equal(1, await MigrateAsync(app));
        Assert.StartsWith("error: migrating the PostgreSql database failed: ", _error.ToString());
        Assert.DoesNotContain("pg-secret-123", _error.ToString() + _output);
    }

    [Fact]
    public async Task Options_after_migrate_are_refused_with_usage()
    {
        await using var app = App(("ConnectionStrings:ConnectUi", "Data Source=:memory:"));

        Assert.Equal(CliExitCode.Usage, await MigrateAsync(app, "--force"));
        Assert.StartsWith("error: migrate: ", _error.ToString());
    }

    private Task<int> MigrateAsync(WebApplication app, params string[] options) =>
        CommandLine.RunAsync(app.Services, ["migrate", .. options], TextReader.Null, _output, _error, CancellationToken.None);

    private WebApplication App(params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
