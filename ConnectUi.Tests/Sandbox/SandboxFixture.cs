using System.Collections.Concurrent;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Tests.Sandbox;

/// <summary>The provider simulators alone, on a loopback port chosen by the system, recording every URL they receive.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<string> ReceivedUrls { get; } = new();

    public static IReadOnlyList<ProviderDefinition> Providers { get; } = [KonnektiveProvider.Definition, ConnectWisePsaProvider.Definition];

    /// <summary>Every provider's sandbox scenarios, in banner order.</summary>
    public static IReadOnlyList<(string ProviderId, SandboxScenario Scenario)> Scenarios { get; } =
        Providers.SelectMany(p => p.Sandbox.Scenarios.Select(s => (p.Id, s))).ToArray();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            ReceivedUrls.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        foreach (var provider in Providers)
        {
            provider.Sandbox.MapSimulator(_app.MapGroup(SandboxAddress.PathFor(provider)));
        }

        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
