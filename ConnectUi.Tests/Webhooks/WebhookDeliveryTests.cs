using System.Text.Json;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Connections;
using ConnectUi.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using static ConnectUi.Tests.Connections.TestCredentials;
using ConnectUi.Storage;

namespace ConnectUi.Tests.Webhooks;

/// <summary>
/// The outbox and dispatcher against a real receiver. The fake clock starts at the real time: the Standard Webhooks library
/// checks a delivery's timestamp against the wall clock, as a real host does.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _db = await CreateDatabaseAsync(_receiver.Url);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    public static async Task<ConnectionsTestDatabase> CreateDatabaseAsync(Uri url, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectUi:Webhooks:Url"] = url.ToString(),
            ["ConnectUi:Webhooks:Secret"] = WebhookReceiver.Secret,
            ["ConnectUi:Outbound:AllowPrivateNetworks"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var db = await ConnectionsTestDatabase.CreateAsync(services =>
        {
            services.AddSingleton(KonnektiveProvider.Definition);
            services.AddSingleton(ConnectWisePsaProvider.Definition);
            services.AddWebhooks(configuration);
        });
        db.Time.SetUtcNow(DateTimeOffset.UtcNow);
        return db;
    }

    private WebhookDispatcher Dispatcher => _db.Services.GetRequiredService<WebhookDispatcher>();

    private async Task<List<ConnectionEventRecord>> EventsAsync()
    {
        await using var context = await _db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return (await context.ConnectionEvents.AsNoTracking().ToListAsync()).OrderBy(e => e.Sequence).ToList();
    }

    private async Task<Guid> ConnectAsync(string endUserId = "user-1") =>
        (await _db.ConnectAsync(Konnektive(endUserId: endUserId))).ConnectionId!.Value;

    [Fact]
    public async Task A_new_connection_reaches_the_host_signed_so_the_standard_webhooks_library_accepts_it_and_without_a_secret()
    {
        var id = await ConnectAsync("customer-42");
        var connectWiseId = (await _db.ConnectAsync(ConnectWise(endUserId: "customer-42"))).ConnectionId!.Value;

        Assert.Equal(2, await Dispatcher.RunOnceAsync(default));

        Assert.Equal(2, _receiver.Received.Count);
        var received = _receiver.Received.Single(r => r.Body.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Null(received.VerificationError);
        Assert.StartsWith("v1,", received.Signature, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.Equal(WebhookSender.UserAgent, received.UserAgent);
        var stored = (await EventsAsync()).Single(e => e.ConnectionId == id);
        Assert.Equal(stored.MessageId, received.Id);
        Assert.Equal(stored.Payload, received.Body);
        Assert.Equal(ConnectionEventDelivery.Delivered, stored.Delivery);

        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("connection.created", body.RootElement.GetProperty("type").GetString());
        Assert.True(body.RootElement.TryGetProperty("timestamp", out _));
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("connectionId").GetGuid());
        Assert.Equal("konnektive", data.GetProperty("provider").GetString());
        Assert.Equal("customer-42", data.GetProperty("endUserId").GetString());
        Assert.Equal("healthy", data.GetProperty("status").GetString());
        Assert.Equal("Verified", data.GetProperty("outcome").GetString());
        Assert.Equal(["connectionId", "provider", "endUserId", "status", "outcome"], data.EnumerateObject().Select(p => p.Name));

        foreach (var delivery in _receiver.Received)
        {
            var everything = delivery.Body + string.Join("\n", delivery.Headers.Select(h => h.Key + ": " + h.Value));
            Assert.All(Secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(WebhookReceiver.Secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains(_receiver.Received, r => r.Body.Contains(connectWiseId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_or_over_another_body_is_refused_by_the_library()
    {
        await ConnectAsync();
        await Dispatcher.RunOnceAsync(default);
        var received = Assert.Single(_receiver.Received);
        Assert.Null(received.VerificationError);

        var otherSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(otherSecret).Verify(received.Body, received.HeaderDictionary()));
        Assert.Throws<WebhookVerificationException>(() =>
            new StandardWebhook(WebhookReceiver.Secret).Verify(received.Body.Replace("healthy", "needs_relink", StringComparison.Ordinal), received.HeaderDictionary()));
    }

    [Fact]
    public async Task While_the_receiver_is_down_the_event_waits_and_is_delivered_later_with_the_same_id()
    {
        await _receiver.StopAsync();
        await ConnectAsync();

        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));
        var failed = Assert.Single(await EventsAsync());
        Assert.Equal(ConnectionEventDelivery.Pending, failed.Delivery);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        _db.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));
        await _receiver.RestartAsync();
        Assert.Equal(0, await Dispatcher.RunOnceAsync(default));

        _db.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));

        var received = Assert.Single(_receiver.Received);
        Assert.Null(received.VerificationError);
        var delivered = Assert.Single(await EventsAsync());
        Assert.Equal(delivered.MessageId, received.Id);
        Assert.Equal(ConnectionEventDelivery.Delivered, delivered.Delivery);
        Assert.Equal(3, delivered.Attempts);
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_gets_the_same_event_a_third_time_and_that_one_is_delivered()
    {
        _receiver.AnswerNext(500, 500);
        await ConnectAsync();

        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));
        Assert.Equal("HTTP 500", (await EventsAsync()).Single().LastError);
        Assert.Equal(0, await Dispatcher.RunOnceAsync(default));
        _db.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));
        _db.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await Dispatcher.RunOnceAsync(default));
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));

        Assert.Equal(3, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Id).Distinct());
        Assert.All(_receiver.Received, r => Assert.Null(r.VerificationError));
        var delivered = Assert.Single(await EventsAsync());
        Assert.Equal((ConnectionEventDelivery.Delivered, 3, delivered.MessageId), (delivered.Delivery, delivered.Attempts, _receiver.Received[0].Id));
    }

    [Fact]
    public async Task One_connections_events_arrive_in_order_while_an_earlier_one_is_retried_and_others_are_not_held_up()
    {
        var first = await ConnectAsync("user-a");
        await _db.Store.DeleteAsync(first, default);
        var second = await ConnectAsync("user-b");
        var failing = true;
        _receiver.FailWhen = r => failing && r.Body.Contains(first.ToString(), StringComparison.Ordinal);

        await Dispatcher.RunOnceAsync(default);
        _db.Time.Advance(TimeSpan.FromSeconds(5));
        await Dispatcher.RunOnceAsync(default);

        var seen = _receiver.Received.Select(r => (r.Body.Contains(first.ToString(), StringComparison.Ordinal), Type(r))).ToList();
        Assert.Equal([(true, "connection.created"), (true, "connection.created")], seen.Where(s => s.Item1));
        Assert.Contains((false, "connection.created"), seen);

        failing = false;
        _db.Time.Advance(TimeSpan.FromSeconds(10));
        await Dispatcher.RunOnceAsync(default);

        var firstTypes = _receiver.Received.Where(r => r.Body.Contains(first.ToString(), StringComparison.Ordinal)).Select(Type).ToList();
        Assert.Equal(["connection.created", "connection.created", "connection.created", "connection.deleted"], firstTypes);
        Assert.All(await EventsAsync(), e => Assert.Equal(ConnectionEventDelivery.Delivered, e.Delivery));
        Assert.Single(_receiver.Received, r => r.Body.Contains(second.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attempts_back_off_for_a_day_then_the_event_is_listed_as_failed_and_a_replay_delivers_it_with_the_same_id()
    {
        _receiver.DefaultAnswer = 503;
        await ConnectAsync();
        var created = _db.Time.GetUtcNow();

        var waits = new List<TimeSpan>();
        while ((await EventsAsync()).Single().Delivery == ConnectionEventDelivery.Pending)
        {
            await Dispatcher.RunOnceAsync(default);
            var pending = (await EventsAsync()).Single();
            var wait = DateTimeOffset.FromUnixTimeMilliseconds(pending.NextAttemptAtUnixMs) - _db.Time.GetUtcNow();
            waits.Add(wait);
            _db.Time.Advance(wait);
        }

        var failed = (await EventsAsync()).Single();
        Assert.Equal(ConnectionEventDelivery.Failed, failed.Delivery);
        Assert.True(failed.LastAttemptAt - created >= TimeSpan.FromHours(24), $"gave up after {failed.LastAttemptAt - created}");
        Assert.Equal([5, 10, 20, 40, 80], waits.Take(5).Select(w => Math.Round(w.TotalSeconds)));
        Assert.Equal(3600, Math.Round(waits[^2].TotalSeconds));
        Assert.Equal(failed.Attempts, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.Id).Distinct());

        var deliveries = _db.Services.GetRequiredService<IWebhookDeliveries>();
        var listed = Assert.Single(await deliveries.ListAsync(tenantId: null, ConnectionEventDelivery.Failed, 10, default));
        Assert.Equal((failed.MessageId, "connection.created", "HTTP 503"), (listed.Id, listed.Type, listed.LastError));

        _receiver.DefaultAnswer = 200;
        var replayed = await deliveries.ReplayAsync(tenantId: null, failed.MessageId, default);
        Assert.Equal(ConnectionEventDelivery.Pending, replayed!.Status);
        Assert.Equal(1, await Dispatcher.RunOnceAsync(default));

        Assert.Equal(failed.MessageId, _receiver.Received[^1].Id);
        Assert.Equal(ConnectionEventDelivery.Delivered, (await EventsAsync()).Single().Delivery);
        Assert.Empty(await deliveries.ListAsync(tenantId: null, ConnectionEventDelivery.Failed, 10, default));
        Assert.Null(await deliveries.ReplayAsync(tenantId: null, "msg_unknown", default));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt()
    {
        _receiver.AnswerNext(307);
        await ConnectAsync();

        await Dispatcher.RunOnceAsync(default);

        Assert.Equal(0, _receiver.RedirectTargetHits);
        var pending = (await EventsAsync()).Single();
        Assert.Equal((ConnectionEventDelivery.Pending, "HTTP 307: redirects are not followed"), (pending.Delivery, pending.LastError));
    }

    [Fact]
    public async Task An_attempt_that_takes_longer_than_the_timeout_fails_as_a_timeout()
    {
        _receiver.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ConnectAsync();

        var round = Dispatcher.RunOnceAsync(default);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (_receiver.Received.Count == 0)
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        _db.Time.Advance(_db.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        await round.WaitAsync(TimeSpan.FromSeconds(20));
        _receiver.Hold.SetResult();

        var pending = (await EventsAsync()).Single();
        Assert.Equal((ConnectionEventDelivery.Pending, "Timeout"), (pending.Delivery, pending.LastError));
    }

    private static string Type(ReceivedWebhook received)
    {
        using var body = JsonDocument.Parse(received.Body);
        return body.RootElement.GetProperty("type").GetString()!;
    }
}
