using System.Net;
using System.Text.Json;
using ConnectUi.Connections;
using Microsoft.EntityFrameworkCore;
using static ConnectUi.Tests.Connections.TestCredentials;
using ConnectUi.Providers;

namespace ConnectUi.Tests.HostApi;

/// <summary>Status, history and webhook deliveries through the host API. Webhooks point at a closed loopback port, so nothing is delivered.</summary>
public sealed class ConnectionStatusEndpointTests : IAsyncLifetime
{
    private HostApiTestApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new HostApiTestApp(new Dictionary<string, string?>
        {
            ["ConnectUi:Webhooks:Url"] = "http://127.0.0.1:9/hooks",
            ["ConnectUi:Webhooks:Secret"] = Webhooks.WebhookReceiver.Secret,
            ["ConnectUi:Outbound:AllowPrivateNetworks"] = "true",
        });
        _client = _app.CreateHostClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_shows_its_status_and_its_history_of_checks_without_secrets()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        _app.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        (await _client.PostAsync($"api/connections/{id}/verify", null)).Dispose();
        using var second = await _client.PostAsync($"api/connections/{id}/verify", null);
        using (var verify = JsonDocument.Parse(await second.Content.ReadAsStringAsync()))
        {
            Assert.Equal("needs_relink", verify.RootElement.GetProperty("status").GetString());
        }

        using var connection = JsonDocument.Parse(await _client.GetStringAsync($"api/connections/{id}"));
        Assert.Equal("needs_relink", connection.RootElement.GetProperty("status").GetString());
        Assert.Equal(_app.Time.GetUtcNow(), connection.RootElement.GetProperty("statusChangedAt").GetDateTimeOffset());

        var historyText = await _client.GetStringAsync($"api/connections/{id}/history");
        using var history = JsonDocument.Parse(historyText);
        Assert.Equal("needs_relink", history.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            [("on_request", "InvalidCredentials", "needs_relink"), ("on_request", "InvalidCredentials", "healthy"), ("connect", "Verified", "healthy")],
            history.RootElement.GetProperty("history").EnumerateArray().Select(h =>
                (h.GetProperty("trigger").GetString(), h.GetProperty("outcome").GetString(), h.GetProperty("status").GetString())));
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, historyText, StringComparison.OrdinalIgnoreCase));

        using var limited = JsonDocument.Parse(await _client.GetStringAsync($"api/connections/{id}/history?limit=1"));
        Assert.Single(limited.RootElement.GetProperty("history").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"api/connections/{id}/history?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"api/connections/{Guid.NewGuid()}/history")).StatusCode);
    }

    [Fact]
    public async Task Failed_deliveries_are_listed_without_bodies_and_a_replay_puts_one_back_in_line()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));
        // As if a day of attempts had failed.
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE ConnectionEvents SET Delivery = 'Failed', Attempts = 24, LastError = 'HTTP 503'"));

        var listText = await _client.GetStringAsync("api/webhooks/deliveries?status=failed");
        using var list = JsonDocument.Parse(listText);
        var delivery = Assert.Single(list.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("connection.created", delivery.GetProperty("type").GetString());
        Assert.Equal(id, delivery.GetProperty("connectionId").GetGuid());
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal("HTTP 503", delivery.GetProperty("lastError").GetString());
        Assert.False(delivery.TryGetProperty("payload", out _));
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, listText, StringComparison.OrdinalIgnoreCase));
        var messageId = delivery.GetProperty("id").GetString();
        Assert.StartsWith("msg_", messageId, StringComparison.Ordinal);

        using var replay = await _client.PostAsync($"api/webhooks/deliveries/{messageId}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        using (var replayed = JsonDocument.Parse(await replay.Content.ReadAsStringAsync()))
        {
            Assert.Equal(messageId, replayed.RootElement.GetProperty("id").GetString());
            Assert.Equal("pending", replayed.RootElement.GetProperty("status").GetString());
        }

        using var afterwards = JsonDocument.Parse(await _client.GetStringAsync("api/webhooks/deliveries?status=failed"));
        Assert.Empty(afterwards.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("api/webhooks/deliveries/msg_nope/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("api/webhooks/deliveries?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("api/webhooks/deliveries?status=1")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_connection_writes_its_deleted_event()
    {
        var id = await _app.ConnectAsync(Konnektive(endUserId: "user-1"));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"api/connections/{id}")).StatusCode);

        using var list = JsonDocument.Parse(await _client.GetStringAsync("api/webhooks/deliveries"));
        Assert.Equal(
            ["connection.deleted", "connection.created"],
            list.RootElement.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("type").GetString()));
    }
}
