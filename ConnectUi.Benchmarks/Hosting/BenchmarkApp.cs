using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConnectUi.Benchmarks.Hosting;

/// <summary>
/// The real app, hosted in this process (so its heap can be read) on Kestrel at a free loopback port, with
/// its own SQLite file and the provider simulators switched on; environment Production like the published
/// app, with the build's static assets (MudBlazor's, the framework's) served from their build locations.
/// </summary>
public sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "connectui-bench-" + Guid.NewGuid().ToString("N"));

    private readonly bool _sandbox;

    private BenchmarkApp(bool sandbox) => _sandbox = sandbox;

    public Uri BaseUri { get; private set; } = null!;

    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    public static BenchmarkApp Start(bool sandbox = true)
    {
        var app = new BenchmarkApp(sandbox);
        app.UseKestrel();
        app.StartServer();
        app.BaseUri = app.ClientOptions.BaseAddress;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment(Environments.Production);
        builder.UseStaticWebAssets();
        foreach (var (key, value) in BenchmarkSettings.For(_dataDirectory, _sandbox))
        {
            builder.UseSetting(key, value);
        }

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
