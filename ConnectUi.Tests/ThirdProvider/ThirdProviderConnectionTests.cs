using System.Net;
using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using ConnectUi.Storage;
using ConnectUi.Tests.ThirdProvider.Tallybook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Tests.ThirdProvider;

/// <summary>
/// Tallybook through ConnectUi's real services: its verifier calls its simulator on this app's own loopback port (the
/// sandbox points it there), and the connection service saves only what Tallybook accepts.
/// </summary>
public sealed class ThirdProviderConnectionTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectUi:Sandbox:Enabled"] = "true",
            ["ConnectUi:Outbound:Timeout"] = "00:00:05",
            ["ConnectionStrings:ConnectUi"] = $"Data Source={Path.Combine(_folder, "connectui.db")};Pooling=False",
            // Production refuses an unprotected key ring; this database is thrown away (KeyRingStartupTests covers the rule).
            ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "true",
        });
        builder.Services.AddProviders(builder.Configuration);
        builder.Services.AddProvider(TallybookProvider.Registration, builder.Configuration);
        builder.Services.AddConnections(builder.Configuration);
        builder.Services.AddSandbox(builder.Configuration, builder.Environment);
        _app = builder.Build();
        _app.MapSandbox();
        _app.MapProviders();
        await _app.StartAsync();
        await _app.MigrateConnectUiDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_token_Tallybook_accepts_is_saved_with_the_token_encrypted()
    {
        var result = await ConnectAsync(TallybookSandbox.AccountId, TallybookSandbox.Token);

        Assert.Equal(ConnectStatus.Connected, result.Status);
        await using var scope = App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConnectionStore>();
        var saved = Assert.Single(await store.ListAsync(null, TallybookProvider.Id, CancellationToken.None));
        Assert.Equal(result.ConnectionId, saved.Id);
        Assert.Equal(TallybookSandbox.AccountName, saved.AccountLabel);
        Assert.Equal(new Dictionary<string, string> { ["AccountId"] = TallybookSandbox.AccountId }, saved.Settings);
        Assert.Equal(TallybookSandbox.Token, (await store.GetCredentialsAsync(saved.Id, CancellationToken.None))!["PrivateAppToken"]);
        SqliteConnection.ClearAllPools();
        Assert.DoesNotContain(TallybookSandbox.Token, await File.ReadAllTextAsync(Path.Combine(_folder, "connectui.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_Tallybooks_own_outcome_its_field_and_step_and_nothing_is_saved()
    {
        var result = await ConnectAsync(TallybookSandbox.AccountId, TallybookSandbox.RevokedToken);

        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        Assert.Equal(VerificationOutcome.InvalidCredentials, result.Outcome);
        Assert.Equal(nameof(TallybookOutcomes.TokenRevoked), result.OutcomeName);
        Assert.Equal(TallybookTexts.TokenRevoked, result.Problem!.Message);
        Assert.Equal(["PrivateAppToken"], result.Problem.Fields);
        Assert.Equal(TallybookProvider.Steps.CreatePrivateApp, result.Problem.GuideStepAnchor);
        Assert.DoesNotContain(TallybookSandbox.RevokedToken, result.Problem.TechnicalDetails, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IConnectionStore>().ListAsync(null, TallybookProvider.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Every_sandbox_scenario_ends_as_its_banner_says()
    {
        var verifier = App.Services.GetServices<IProviderVerifier>().Single(v => v.ProviderId == TallybookProvider.Id);
        foreach (var scenario in TallybookSandbox.Scenarios.Where(s => s.Outcome.Category != VerificationOutcome.Timeout))
        {
            var model = new TallybookCredentials
            {
                AccountId = scenario.Values["AccountId"],
                PrivateAppToken = scenario.Values["PrivateAppToken"],
            };

            var result = await verifier.VerifyAsync(model, CancellationToken.None);

            Assert.True(scenario.Outcome.Name == result.Name, $"{scenario.Description}: expected {scenario.Outcome}, got {result.Name}");
            Assert.Contains(result.Code, TallybookProvider.Definition.Outcomes.Select(o => o.Code).Append(null));
        }
    }

    [Fact]
    public async Task Its_logo_is_served_from_its_folder()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Address) };

        using var response = await client.GetAsync($"providers/{TallybookProvider.Id}.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ProviderLogo.MediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"providers/{TallybookProvider.Id}.svg");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    private string Address =>
        App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    private async Task<ConnectResult> ConnectAsync(string accountId, string token)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var credentials = new TallybookCredentials { AccountId = accountId, PrivateAppToken = token };
        return await scope.ServiceProvider.GetRequiredService<IConnectionService>()
            .ConnectAsync(new ConnectRequest(TallybookProvider.Definition, credentials), CancellationToken.None);
    }
}
