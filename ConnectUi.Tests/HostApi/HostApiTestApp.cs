using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ConnectUi.Connections.Storage;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using ConnectUi.Storage;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.HostApi;

/// <summary>
/// The whole app over TestServer, as in production (sessions required, sandbox off), with its own SQLite file,
/// a fake clock and fake verifiers. One per test.
/// </summary>
public sealed class HostApiTestApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-host-api-key-7f3Qz";
    public const string OtherApiKey = "second-host-key";
    public const string AllowedOrigin = "https://host.example";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-hostapi-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public HostApiTestApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "connectui.db");
        Konnektive = new FakeProviderVerifier(KonnektiveProvider.Id, Time);
        ConnectWise = new FakeProviderVerifier(ConnectWisePsaProvider.Id, Time);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ConnectUi"] = $"Data Source={DatabasePath}",
            ["ConnectUi:HostApiKeys:0"] = Hash(ApiKey),
            ["ConnectUi:HostApiKeys:1"] = Hash(OtherApiKey),
            ["ConnectUi:Embedding:AllowedOrigins:0"] = AllowedOrigin,
            ["ConnectUi:HostName"] = "Acme Portal",

            // Production refuses an unprotected key ring; this database is thrown away (KeyRingStartupTests covers the rule).
            ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "true",
            // The background re-verification would call the fake verifiers whenever a test moves the clock a day; tests of it turn it on.
            ["ConnectUi:Verification:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }
    public FakeTimeProvider Time { get; } = new(TestServices.Now);
    public FakeProviderVerifier Konnektive { get; }
    public FakeProviderVerifier ConnectWise { get; }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The tenant of <see cref="ApiKey"/>: a bare configured hash is a tenant of its own.</summary>
    public static string Tenant { get; } = TenantOf(ApiKey);

    public static string TenantOf(string key) => "key-" + Hash(key)[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IProviderVerifier>();
            services.AddSingleton<IProviderVerifier>(Konnektive);
            services.AddSingleton<IProviderVerifier>(ConnectWise);
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>A client that presents the API key as a bearer token.</summary>
    public HttpClient CreateHostClient(string key = ApiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>
    /// Saves a connection the way the form does, verified by the fake verifier, as if through a session that
    /// <paramref name="tenant"/>'s key created (default: <see cref="ApiKey"/>'s tenant; null leaves it without one).
    /// </summary>
    public async Task<Guid> ConnectAsync(ConnectRequest request, string? tenant = null, bool withoutTenant = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IConnectionService>().ConnectAsync(request, CancellationToken.None);
        Assert.True(result.Succeeded, result.Problem?.Message);
        var id = result.ConnectionId!.Value;
        if (!withoutTenant)
        {
            await QueryAsync(db => db.Connections.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(r => r.TenantId, tenant ?? Tenant)));
            await QueryAsync(db => db.ConnectionEvents.Where(e => e.ConnectionId == id).ExecuteUpdateAsync(e => e.SetProperty(r => r.TenantId, tenant ?? Tenant)));
        }

        return id;
    }

    public async Task<T> QueryAsync<T>(Func<ConnectUiDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public Task<List<ConnectSessionRecord>> SessionRowsAsync() => QueryAsync(db => db.ConnectSessions.AsNoTracking().ToListAsync());

    /// <summary>Every column of the connection's row exactly as SQLite holds it.</summary>
    public async Task<object[]> RawConnectionRowAsync(Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ProviderId, EndUserId, SettingsJson, ProtectedCredentials, CreatedAt, UpdatedAt FROM Connections WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No row for connection {id}.");
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
