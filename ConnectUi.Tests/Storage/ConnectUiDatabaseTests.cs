using ConnectUi.Connections.Storage;
using ConnectUi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ConnectUi.Tests.Storage;

public sealed class ConnectUiDatabaseTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public void Without_configuration_the_database_is_a_file_under_App_Data_whose_folder_is_created()
    {
        var connectionString = ConnectUiDatabase.PrepareConnectionString(new ConfigurationBuilder().Build(), _contentRoot);

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Assert.Equal(Path.Combine(_contentRoot, "App_Data", "connectui.db"), dataSource);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, "App_Data")));
    }

    [Fact]
    public void A_configured_relative_file_resolves_against_the_content_root()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ConnectUi"] = "Data Source=data/app.db;Cache=Shared" })
            .Build();

        var builder = new SqliteConnectionStringBuilder(ConnectUiDatabase.PrepareConnectionString(configuration, _contentRoot));

        Assert.Equal(Path.Combine(_contentRoot, "data", "app.db"), builder.DataSource);
        Assert.Equal(SqliteCacheMode.Shared, builder.Cache);
    }

    [Fact]
    public void An_in_memory_database_is_left_as_configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ConnectUi"] = "Data Source=:memory:" })
            .Build();

        Assert.Equal(":memory:", new SqliteConnectionStringBuilder(ConnectUiDatabase.PrepareConnectionString(configuration, _contentRoot)).DataSource);
        Assert.False(Directory.Exists(_contentRoot));
    }
}
