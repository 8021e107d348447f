using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Providers;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.Options;

namespace ConnectUi.Webhooks;

/// <summary>
/// Sends one event to the host's URL: checked by the outbound guard (https to public addresses; loopback http only with
/// <c>ConnectUi:Outbound:AllowPrivateNetworks</c>), with a timeout, no redirects followed, nothing read back but the status.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clientFactory,
    HostnameGuard guard,
    WebhookSigner signer,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider)
{
    public const string UserAgent = "ConnectUi-Webhooks/1.0";

    /// <summary>The named client whose primary handler is the outbound guard's.</summary>
    public const string ClientName = "ConnectUi.Webhooks";

    /// <summary>The host's answer body is not used; reading a little of it lets the connection be reused.</summary>
    private const int MaxResponseBytes = 4096;

    /// <summary>Null when the host answered 2xx; else why the attempt failed, in words safe to show (no body, no secret).</summary>
    public async Task<string?> SendAsync(ConnectionEventRecord connectionEvent, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Url is not { } url)
        {
            return "no webhook URL is configured";
        }

        if (CheckUrl(guard, url) is { } refusal)
        {
            return $"the webhook URL is not allowed: {refusal}";
        }

        // The spec's timestamp is the sending time, so a retry a day later still passes the receiver's freshness check.
        var sentAt = timeProvider.GetUtcNow();
        var signature = signer.Sign(connectionEvent.MessageId, sentAt, connectionEvent.Payload);
        var reply = await ProviderCall.SendAsync(
            clientFactory.CreateClient(ClientName),
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(connectionEvent.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("webhook-id", connectionEvent.MessageId);
                request.Headers.Add("webhook-timestamp", sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", signature);
                request.Headers.UserAgent.Add(ProductInfoHeaderValue.Parse(UserAgent));
                return request;
            },
            settings.Timeout,
            timeProvider,
            cancellationToken,
            MaxResponseBytes);

        return reply switch
        {
            { StatusCode: >= 200 and < 300 } => null,
            { IsRedirect: true } => $"HTTP {reply.StatusCode}: redirects are not followed",
            { StatusCode: { } status } => $"HTTP {status}",
            { Failure: CallFailure.HostNotAllowed } => $"the webhook URL is not allowed: {reply.FailureReason}",
            _ => reply.Failure?.ToString() ?? "no answer",
        };
    }

    /// <summary>Why the guard refuses the URL, or null: https anywhere public, plain http only to loopback when private networks are allowed.</summary>
    public static string? CheckUrl(HostnameGuard guard, Uri url) => guard.CheckTarget(url, viaOverride: true);
}
