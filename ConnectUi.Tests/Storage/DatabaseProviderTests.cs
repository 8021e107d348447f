using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Storage;

public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSql", DatabaseProvider.PostgreSql)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    public void The_provider_is_read_by_name_and_defaults_to_Sqlite(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, ConnectUiDatabase.ProviderFrom(Configuration(value)));

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    [InlineData("SqlServer")]
    public void An_unknown_provider_stops_the_app_with_the_accepted_names(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ConnectUiDatabase.ProviderFrom(Configuration(value)));

        Assert.Equal($"ConnectUi:Database:Provider must be Sqlite or PostgreSql, not '{value}'.", exception.Message);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_stops_the_app_and_says_which_key_is_missing()
    {
        var exception = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddConnectUiDatabase(Configuration("PostgreSql")));

        Assert.StartsWith("ConnectUi:Database:Provider is PostgreSql, so ConnectionStrings:ConnectUi must name the server", exception.Message);
    }

    [Fact]
    public async Task PostgreSql_gives_every_consumer_of_the_shared_context_type_a_PostgreSQL_context()
    {
        var configuration = Configuration("PostgreSql", "Host=127.0.0.1;Port=1;Database=connectui;Username=connectui");
        await using var services = new ServiceCollection().AddLogging().AddConnectUiDatabase(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await using var fromFactory = await services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        await using var scope = services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ConnectUiDbContext>();

        Assert.IsType<PostgreSqlConnectUiDbContext>(fromFactory);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", fromFactory.Database.ProviderName);
        Assert.IsType<PostgreSqlConnectUiDbContext>(scoped);
    }

    [Fact]
    public async Task Sqlite_stays_the_default_context_type()
    {
        var configuration = Configuration(null, "Data Source=:memory:");
        await using var services = new ServiceCollection().AddLogging().AddConnectUiDatabase(configuration).BuildServiceProvider();

        await using var db = await services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();

        Assert.IsType<ConnectUiDbContext>(db);
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }

    private static IConfiguration Configuration(string? provider, string? connectionString = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ConnectUiDatabase.ProviderKey] = provider,
                ["ConnectionStrings:ConnectUi"] = connectionString,
            })
            .Build();
}

/// <summary>
/// Both providers' migrations must describe the current model: a model change with a migration for one provider only
/// (or none) fails here. scripts/add-migration.sh adds both.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public async Task The_SQLite_migrations_match_the_model()
    {
        await using var db = new ConnectUiDbContext(new DbContextOptionsBuilder<ConnectUiDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh NAME: the SQLite migrations lag behind the model.");
        Assert.DoesNotContain(db.Database.GetMigrations(), m => m.Contains("PostgreSql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_PostgreSQL_migrations_match_the_model()
    {
        await using var db = PostgreSqlModel();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh NAME: the PostgreSQL migrations lag behind the model.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_migrations_of_each_provider_create_every_table_of_the_model()
    {
        using var sqlite = new ConnectUiDbContext(new DbContextOptionsBuilder<ConnectUiDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = PostgreSqlModel();

        foreach (DbContext db in new DbContext[] { sqlite, postgreSql })
        {
            // A snapshot that already matched the model once produced an empty migration: the script must build each table.
            var script = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToArray();
            Assert.NotEmpty(tables);
            Assert.All(tables, table => Assert.Contains($"CREATE TABLE \"{table}\"", script, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_migration_after_the_first_exists_for_both_providers()
    {
        using var sqlite = new ConnectUiDbContext(new DbContextOptionsBuilder<ConnectUiDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = PostgreSqlModel();

        // The PostgreSQL history starts with one migration for everything up to its introduction; each later one pairs up.
        var sqliteLater = sqlite.Database.GetMigrations().SkipWhile(m => string.CompareOrdinal(m, FirstPostgreSqlMigration(postgreSql)) < 0).Select(NameOf);
        var postgreSqlLater = postgreSql.Database.GetMigrations().Skip(1).Select(NameOf);

        Assert.Equal(sqliteLater, postgreSqlLater);
    }

    /// <summary>The PostgreSQL context without a server: building the model and listing migrations never connects.</summary>
    private static PostgreSqlConnectUiDbContext PostgreSqlModel() =>
        new(new DbContextOptionsBuilder<PostgreSqlConnectUiDbContext>().UseNpgsql("Host=localhost;Database=connectui_design_time").Options);

    private static string FirstPostgreSqlMigration(DbContext db) => db.Database.GetMigrations().First();

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
