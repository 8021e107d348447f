using ConnectUi.Connections.Storage;
using ConnectUi.Tests.Connections;
using ConnectUi.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ConnectUi.Storage;

namespace ConnectUi.Tests.Webhooks;

public sealed class WebhookGuardTests
{
    [Theory]
    [InlineData("http://hooks.example.com/connectui", "true")]
    [InlineData("http://127.0.0.1:9/hooks", "false")]
    [InlineData("ftp://hooks.example.com/connectui", "true")]
    [InlineData("https://user:pw@hooks.example.com/connectui", "false")]
    public void A_url_the_outbound_guard_refuses_stops_the_app_at_start(string url, string allowPrivateNetworks)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options(url, WebhookReceiver.Secret, allowPrivateNetworks));
        Assert.Contains("Url is not allowed", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7bNJlYh5h3o=")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_missing_or_malformed_secret_stops_the_app_at_start_without_showing_it(string? secret)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options("https://hooks.example.com/connectui", secret, "false"));
        Assert.Contains("Secret must be set", exception.Message, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Https_to_a_public_name_and_loopback_http_with_private_networks_allowed_are_accepted()
    {
        Assert.NotNull(Options("https://hooks.example.com:8443/connectui", WebhookReceiver.Secret, "false").Url);
        Assert.NotNull(Options("http://127.0.0.1:9/hooks", WebhookReceiver.Secret, "true").Url);
    }

    [Fact]
    public async Task An_https_url_that_resolves_to_a_private_address_is_never_connected_to()
    {
        await using var db = await WebhookDeliveryTests.CreateDatabaseAsync(
            new Uri("https://10.20.30.40:8443/hooks"),
            new Dictionary<string, string?> { ["ConnectUi:Outbound:AllowPrivateNetworks"] = "false" });
        await db.ConnectAsync(TestCredentials.Konnektive());

        await db.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default);

        await using var context = await db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        var pending = await context.ConnectionEvents.SingleAsync();
        Assert.Equal(ConnectionEventDelivery.Pending, pending.Delivery);
        Assert.StartsWith("the webhook URL is not allowed", pending.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_url_no_events_are_written()
    {
        await using var db = await ConnectionsTestDatabase.CreateAsync(services =>
            services.AddWebhooks(new ConfigurationBuilder().Build()));

        await db.ConnectAsync(TestCredentials.Konnektive());

        await using var context = await db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        Assert.Empty(await context.ConnectionEvents.ToListAsync());
    }

    private static WebhookOptions Options(string url, string? secret, string allowPrivateNetworks)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectUi:Webhooks:Url"] = url,
            ["ConnectUi:Webhooks:Secret"] = secret,
            ["ConnectUi:Outbound:AllowPrivateNetworks"] = allowPrivateNetworks,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddWebhooks(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<WebhookOptions>>().Value;
    }
}
