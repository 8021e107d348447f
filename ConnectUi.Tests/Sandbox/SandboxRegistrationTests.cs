using System.Net;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;

namespace ConnectUi.Tests.Sandbox;

/// <summary>AddSandbox and MapSandbox in a real app: the providers find the simulators on the app's own port.</summary>
public sealed class SandboxRegistrationTests
{
    private static async Task<WebApplication> StartAppAsync(string environment, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddProviders(builder.Configuration);
        builder.Services.AddSandbox(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    [Fact]
    public async Task In_development_both_providers_verify_against_the_apps_own_simulators()
    {
        await using var app = await StartAppAsync(Environments.Development);
        var verifiers = app.Services.GetServices<IProviderVerifier>().ToDictionary(v => v.ProviderId);

        var konnektive = await verifiers[KonnektiveProvider.Id].VerifyAsync(
            new KonnektiveCredentials { ApiLoginId = KonnektiveSandbox.LoginId, ApiPassword = KonnektiveSandbox.Password },
            CancellationToken.None);
        var connectWise = await verifiers[ConnectWisePsaProvider.Id].VerifyAsync(
            new ConnectWisePsaCredentials { Hostname = CW.Hostname, ApiVersion = CW.ApiVersion, ClientId = CW.ClientId, Username = CW.Username, Password = CW.Password },
            CancellationToken.None);

        Assert.True(app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled);
        Assert.Equal(VerificationOutcome.Verified, konnektive.Outcome);
        Assert.Equal(VerificationOutcome.Verified, connectWise.Outcome);
        Assert.Equal($"{CW.CompanyName} (ConnectWise PSA {CW.ServerVersion})", connectWise.AccountLabel);
        Assert.StartsWith(Address(app), app.Services.GetRequiredService<IOptions<KonnektiveOptions>>().Value.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_sandbox_is_off_and_unmapped()
    {
        await using var app = await StartAppAsync(Environments.Production);
        using var client = new HttpClient();

        using var response = await client.GetAsync($"{Address(app)}/sandbox/{ConnectWisePsaProvider.Id}/login/companyinfo/{CW.CompanyId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled);
        Assert.Equal(KonnektiveOptions.DefaultBaseUrl, app.Services.GetRequiredService<IOptions<KonnektiveOptions>>().Value.BaseUrl);
        Assert.Null(app.Services.GetRequiredService<IOptions<ConnectWisePsaOptions>>().Value.BaseUrlOverride);
    }

    [Fact]
    public async Task Configuration_can_turn_the_sandbox_on_outside_development()
    {
        await using var app = await StartAppAsync(Environments.Production, new() { ["ConnectUi:Sandbox:Enabled"] = "true" });
        using var client = new HttpClient();

        using var response = await client.GetAsync($"{Address(app)}/sandbox/{ConnectWisePsaProvider.Id}/login/companyinfo/{CW.CompanyId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Registering_providers_twice_still_gives_one_verifier_each()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddProviders(configuration).AddProviders(configuration).BuildServiceProvider();

        var ids = services.GetServices<IProviderVerifier>().Select(v => v.ProviderId).Order().ToArray();

        Assert.Equal([ConnectWisePsaProvider.Id, KonnektiveProvider.Id], ids);
    }
}
