using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Benchmarks.Hosting;

/// <summary>
/// The real app, hosted in this process on Kestrel at a free loopback port (Release build, environment
/// Development so the provider simulators answer), with its own SQLite file.
/// </summary>
public sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "connectui-bench-" + Guid.NewGuid().ToString("N"));

    private BenchmarkApp()
    {
    }

    public Uri BaseUri { get; private set; } = null!;

    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    public static BenchmarkApp Start()
    {
        var app = new BenchmarkApp();
        app.UseKestrel();
        app.StartServer();
        app.BaseUri = app.ClientOptions.BaseAddress;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:ConnectUi", $"Data Source={Path.Combine(_dataDirectory, "connectui.db")}");
        builder.UseSetting("ConnectUi:Sandbox:Enabled", "true");
        builder.UseSetting("ConnectUi:EgressIps:0", "198.51.100.10");

        // Console logging per request would measure the terminal, not the app.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, BaselinePage>());
        builder.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open stays in the temp folder; nothing reads it again.
        }
    }
}
