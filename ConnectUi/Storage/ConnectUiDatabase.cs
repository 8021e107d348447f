using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

/// <summary>Where the database lives, and bringing its schema up to date on start.</summary>
public static class ConnectUiDatabase
{
    /// <summary>Name under <c>ConnectionStrings</c>, so the key is <c>ConnectionStrings:ConnectUi</c>.</summary>
    public const string ConnectionStringName = "ConnectUi";

    public const string DefaultDataSource = "App_Data/connectui.db";

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

    /// <summary>Applies pending EF migrations; EF takes a lock, so instances sharing the database can start together.</summary>
    public static async Task MigrateConnectUiDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static Task MigrateConnectUiDatabaseAsync(this IHost host, CancellationToken cancellationToken = default) =>
        host.Services.MigrateConnectUiDatabaseAsync(cancellationToken);

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(builder.DataSource)
        && builder.DataSource != ":memory:"
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
