using ConnectUi.BackgroundWork;
using ConnectUi.Connections;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the signed webhooks to the host (<c>ConnectUi:Webhooks</c>): with a URL set, connection changes write events
    /// in their own transaction and the dispatcher delivers them. A bad URL or secret stops the app at start.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboundSecurity(configuration);
        services.AddBackgroundWork();
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Url is null || o.Url.IsAbsoluteUri, $"{WebhookOptions.Section}:Url must be an absolute URL.")
            .Validate(o => o.Url is null || WebhookSigner.CheckSecret(o.Secret) is null,
                $"{WebhookOptions.Section}:Secret must be set with the URL, as 'whsec_' followed by base64 of 24 to 64 random bytes.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), $"{WebhookOptions.Section}:Timeout must be between 0 and 1 minute.")
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100), $"{WebhookOptions.Section}:PollInterval must be at least 100 ms.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.InitialRetryDelay,
                $"{WebhookOptions.Section}:InitialRetryDelay must be positive and at most MaxRetryDelay.")
            .Validate(o => o.RetryFor >= TimeSpan.FromHours(24), $"{WebhookOptions.Section}:RetryFor must be at least 24 hours.")
            .Validate(o => o.Concurrency is >= 1 and <= 32, $"{WebhookOptions.Section}:Concurrency must be between 1 and 32.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookUrlValidation>();
        services.AddOptions<ConnectionEventOptions>().Configure<IOptions<WebhookOptions>>((events, webhooks) => events.Enabled = webhooks.Value.Url is not null);

        services.TryAddSingleton<WebhookSigner>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<HostnameGuard>().CreateHandler());
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<IWebhookDeliveries, WebhookDeliveries>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    /// <summary>The URL must pass the outbound guard: https, or http to loopback only when private networks are allowed.</summary>
    private sealed class WebhookUrlValidation(HostnameGuard guard) : IValidateOptions<WebhookOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
            options.Url is { IsAbsoluteUri: true } url && WebhookSender.CheckUrl(guard, url) is { } refusal
                ? ValidateOptionsResult.Fail($"{WebhookOptions.Section}:Url is not allowed: {refusal}.")
                : ValidateOptionsResult.Success;
    }
}
