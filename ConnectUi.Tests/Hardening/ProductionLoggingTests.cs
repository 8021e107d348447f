using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ConnectUi.Tests.Hardening;

/// <summary>The log levels the app ships with (appsettings.json) in Production: no SQL text and no outbound URLs at Information.</summary>
public sealed class ProductionLoggingTests : IAsyncLifetime
{
    private const string ApiKey = "logging-test-key";
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:HostApiKeys:0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
    });

    private WebApplicationFactory<Program> _logged = null!;

    public Task InitializeAsync()
    {
        _logged = _app.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddFakeLogging()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _logged.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command")]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations")]
    [InlineData("System.Net.Http.HttpClient.KonnektiveVerifier.LogicalHandler")]
    [InlineData("System.Net.Http.HttpClient.ConnectWisePsaVerifier.ClientHandler")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    public void Categories_that_print_SQL_or_full_URLs_are_quiet_below_warning(string category)
    {
        var logger = _logged.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information), category);
        Assert.True(logger.IsEnabled(LogLevel.Warning), category);
    }

    [Fact]
    public async Task Creating_a_session_and_opening_its_link_logs_no_SQL_and_no_token()
    {
        using var client = _logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

        using var created = await client.PostAsJsonAsync("api/connect/sessions", new { endUserId = "customer-42" });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<Created>())!.Token;
        using var opened = await client.GetAsync($"connect?session={token}");

        var logged = _logged.Services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(logged, r => r.Message.Contains("SELECT", StringComparison.Ordinal) || r.Message.Contains("INSERT", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, r => r.Message.Contains(token, StringComparison.Ordinal));
    }

    private sealed record Created(string Token);
}
