using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConnectUi.Storage;

/// <summary>The engines the app stores its data in: an embedded SQLite file, or a PostgreSQL server that several instances share.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database the app uses, where it lives, and bringing its schema up to date.</summary>
public static class ConnectUiDatabase
{
    /// <summary>Name under <c>ConnectionStrings</c>, so the key is <c>ConnectionStrings:ConnectUi</c>.</summary>
    public const string ConnectionStringName = "ConnectUi";

    public const string ProviderKey = "ConnectUi:Database:Provider";

    /// <summary>False when operators apply migrations themselves with <c>dotnet ConnectUi.dll migrate</c>.</summary>
    public const string MigrateOnStartKey = "ConnectUi:Database:MigrateOnStart";

    public const string DefaultDataSource = "App_Data/connectui.db";

    /// <summary><c>ConnectUi:Database:Provider</c>, <see cref="DatabaseProvider.Sqlite"/> when unset; any other value stops the app.</summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        // By name only: Enum.Parse would also take "1".
        var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null
            ? throw new InvalidOperationException($"{ProviderKey} must be Sqlite or PostgreSql, not '{value}'.")
            : Enum.Parse<DatabaseProvider>(name);
    }

    /// <summary>The PostgreSQL connection string, which has no default: a shared server is always configured on purpose.</summary>
    public static string PostgreSqlConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{ProviderKey} is PostgreSql, so ConnectionStrings:{ConnectionStringName} must name the server, e.g. "
                + "\"Host=db.internal;Database=connectui;Username=connectui;Password=...\".");

    /// <summary>
    /// The configured SQLite connection string, or a file under App_Data. A relative file path resolves against the
    /// content root rather than the working directory, and its folder is created so a fresh clone starts with no step.
    /// </summary>
    public static string PrepareConnectionString(IConfiguration configuration, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString(ConnectionStringName) ?? $"Data Source={DefaultDataSource}");
        if (IsFile(builder))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies pending EF migrations of the configured provider and returns their names, so instances sharing the
    /// database can start together. On PostgreSQL the whole run holds a session advisory lock: EF's own lock covers one
    /// migration at a time, so two instances starting on a database two migrations behind both applied the second one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateConnectUiDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var postgreSql = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        if (postgreSql)
        {
            // Opened here, EF keeps using this connection, so the lock (held by the session) lasts until the unlock.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        }

        try
        {
            // Asking a fresh PostgreSQL database for its history would log a failed query: no history table means all are pending.
            var pending = await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
                ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
                : db.Database.GetMigrations().ToList();
            await db.Database.MigrateAsync(cancellationToken);
            return pending;
        }
        finally
        {
            if (postgreSql)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The advisory lock key of ConnectUi's migrations: any constant that no other lock in the database uses.</summary>
    private const long MigrationLockKey = 0x436F6E6E65637455;

    public static Task<IReadOnlyList<string>> MigrateConnectUiDatabaseAsync(this IHost host, CancellationToken cancellationToken = default) =>
        host.Services.MigrateConnectUiDatabaseAsync(cancellationToken);

    /// <summary>
    /// Migrates on start (and creates the first Data Protection key once for all instances) unless
    /// <c>ConnectUi:Database:MigrateOnStart</c> is false; then `migrate` does both, and /health/ready says when the schema is behind.
    /// </summary>
    public static async Task MigrateConnectUiDatabaseOnStartAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        if (host.Services.GetRequiredService<IConfiguration>().GetValue(MigrateOnStartKey, defaultValue: true))
        {
            await host.MigrateConnectUiDatabaseAsync(cancellationToken);
            await host.Services.EnsureDataProtectionKeyAsync(cancellationToken);
        }
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(builder.DataSource)
        && builder.DataSource != ":memory:"
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
