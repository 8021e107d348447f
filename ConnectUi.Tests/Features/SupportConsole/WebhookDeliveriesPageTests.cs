using Bunit;
using ConnectUi.Connections.Storage;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Staff.Audit;
using ConnectUi.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.SupportConsole;

public sealed class WebhookDeliveriesPageTests : ConsoleTestContext
{
    private readonly FakeDeliveries _deliveries = new();

    public WebhookDeliveriesPageTests() => Services.AddSingleton<IWebhookDeliveries>(_deliveries);

    [Fact]
    public void Lists_each_failed_delivery_with_its_event_connection_attempts_and_last_error_and_no_body()
    {
        var failed = _deliveries.Add("msg_1", "connection.needs_relink", ConnectionEventDelivery.Failed, "HTTP 503");
        _deliveries.Add("msg_2", "connection.created", ConnectionEventDelivery.Delivered, null);

        var page = Render<WebhookDeliveriesPage>();

        var row = Assert.Single(page.FindAll("[data-testid=failed-delivery]"));
        Assert.Equal("msg_1", row.GetAttribute("data-message-id"));
        Assert.Contains("connection.needs_relink", row.TextContent);
        Assert.Contains(failed.ConnectionId.ToString(), row.TextContent);
        Assert.Contains("24", row.TextContent);
        Assert.Contains("HTTP 503", row.TextContent);
    }

    [Fact]
    public async Task Delivering_again_puts_the_event_back_in_line_says_so_and_writes_the_audit_log()
    {
        _deliveries.Add("msg_1", "connection.needs_relink", ConnectionEventDelivery.Failed, "HTTP 503");
        var page = Render<WebhookDeliveriesPage>();

        await page.Find("[data-testid=replay]").ClickAsync(new());

        Assert.Equal(["msg_1"], _deliveries.Replayed);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=failed-delivery]")));
        Assert.Equal(string.Format(SupportConsoleStrings.WebhooksReplayed, "connection.needs_relink"), page.Find("[data-testid=replay-result]").TextContent);
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal((AuditAction.WebhookReplayed, "msg_1"), (entry.Action, entry.Subject));
    }

    [Fact]
    public void Says_so_when_every_event_reached_the_host()
    {
        var page = Render<WebhookDeliveriesPage>();

        Assert.Equal(SupportConsoleStrings.WebhooksEmpty, page.Find("[data-testid=no-failed-deliveries]").TextContent.Trim());
    }

    private sealed class FakeDeliveries : IWebhookDeliveries
    {
        private readonly List<WebhookDelivery> _all = [];

        public List<string> Replayed { get; } = [];

        public WebhookDelivery Add(string id, string type, ConnectionEventDelivery status, string? error)
        {
            var delivery = new WebhookDelivery(id, type, Guid.NewGuid(), DateTimeOffset.UnixEpoch, status, 24, DateTimeOffset.UnixEpoch, error, null, null);
            _all.Add(delivery);
            return delivery;
        }

        public Task<IReadOnlyList<WebhookDelivery>> ListAsync(string? tenantId, ConnectionEventDelivery? state, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<WebhookDelivery>>(_all.Where(d => state is null || d.Status == state).Take(limit).ToArray());

        public Task<WebhookDelivery?> ReplayAsync(string? tenantId, string messageId, CancellationToken cancellationToken)
        {
            Replayed.Add(messageId);
            var index = _all.FindIndex(d => d.Id == messageId);
            if (index < 0)
            {
                return Task.FromResult<WebhookDelivery?>(null);
            }

            _all[index] = _all[index] with { Status = ConnectionEventDelivery.Pending, Attempts = 0 };
            return Task.FromResult<WebhookDelivery?>(_all[index]);
        }
    }
}
