using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Circuits;

/// <summary>How long a disconnected circuit waits in its instance's memory before it is evicted (and persisted).</summary>
public sealed class CircuitRetentionTests
{
    [Fact]
    public async Task Unset_it_is_the_frameworks_three_minutes()
    {
        await using var app = new ConnectUiWebApplicationFactory();

        Assert.Equal(TimeSpan.FromMinutes(3), app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod);
    }

    [Fact]
    public async Task The_setting_sets_it()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            [CircuitsServiceCollectionExtensions.DisconnectedRetentionKey] = "00:00:20",
        });

        Assert.Equal(TimeSpan.FromSeconds(20), app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod);
    }

    [Fact]
    public async Task A_retention_of_zero_refuses_to_start()
    {
        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            [CircuitsServiceCollectionExtensions.DisconnectedRetentionKey] = "00:00:00",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(CircuitsServiceCollectionExtensions.DisconnectedRetentionKey, refused.Message, StringComparison.Ordinal);
    }
}
