using ConnectUi.Connections.Storage;
using ConnectUi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Connections.TestCredentials;
using ConnectUi.Storage;

namespace ConnectUi.Tests.Webhooks;

public sealed class WebhookRestartTests
{
    [Fact]
    public async Task An_event_committed_just_before_the_app_stopped_is_delivered_when_the_whole_app_starts_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var db = await WebhookDeliveryTests.CreateDatabaseAsync(receiver.Url);

        // The first "app" commits the connection and its event, then stops before any dispatcher ran.
        var connectionId = (await db.ConnectAsync(Konnektive(endUserId: "customer-42"))).ConnectionId!.Value;
        await db.CloseAndReadFilesAsync();
        Assert.Empty(receiver.Received);

        await using var app = new ConnectUiWebApplicationFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ConnectUi"] = $"Data Source={db.DatabasePath};Pooling=False",
            ["ConnectUi:Webhooks:Url"] = receiver.Url.ToString(),
            ["ConnectUi:Webhooks:Secret"] = WebhookReceiver.Secret,
            ["ConnectUi:Outbound:AllowPrivateNetworks"] = "true",
        });
        _ = app.Services;

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (receiver.Received.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }

        var received = Assert.Single(receiver.Received);
        Assert.Null(received.VerificationError);
        Assert.Contains(connectionId.ToString(), received.Body, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await context.ConnectionEvents.AsNoTracking().SingleAsync()).Delivery != ConnectionEventDelivery.Delivered)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }

        Assert.Equal(received.Id, (await context.ConnectionEvents.AsNoTracking().SingleAsync()).MessageId);
    }
}
