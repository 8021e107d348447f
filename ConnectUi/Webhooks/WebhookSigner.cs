using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace ConnectUi.Webhooks;

/// <summary>Signs a delivery as the Standard Webhooks specification says, with the published library hosts verify with.</summary>
public sealed class WebhookSigner(IOptions<WebhookOptions> options)
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The <c>webhook-signature</c> value: <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>.</summary>
    public string Sign(string messageId, DateTimeOffset timestamp, string payload)
    {
        var secret = options.Value.Secret ?? throw new InvalidOperationException($"{WebhookOptions.Section}:Secret is not set.");
        return new StandardWebhook(secret).Sign(messageId, timestamp, payload);
    }

    /// <summary>Null when the secret has the specification's form, else why not (never the secret itself).</summary>
    public static string? CheckSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return $"must start with '{SecretPrefix}'";
        }

        var key = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length))
        {
            return $"must be '{SecretPrefix}' followed by base64";
        }

        return length is >= 24 and <= 64 ? null : "must hold between 24 and 64 random bytes";
    }
}
