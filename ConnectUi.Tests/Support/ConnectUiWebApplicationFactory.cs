using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ConnectUi.Tests.Support;

/// <summary>
/// The whole app on the in-memory test server, with a SQLite file of its own (deleted on dispose) and optional
/// extra settings. For tests of the HTTP pipeline: headers, limits, health endpoints.
/// </summary>
public sealed class ConnectUiWebApplicationFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "connectui.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:ConnectUi", $"Data Source={DatabasePath};Pooling=False");

        // Production refuses an unprotected key ring; these databases are thrown away (KeyRingStartupTests covers the rule).
        builder.UseSetting("ConnectUi:DataProtection:AllowUnprotectedKeys", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
