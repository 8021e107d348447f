namespace ConnectUi.Webhooks;

/// <summary>Where and how connection events reach the host, bound from <c>ConnectUi:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "ConnectUi:Webhooks";

    /// <summary>The host's endpoint. Unset: no events are written or sent.</summary>
    public Uri? Url { get; set; }

    /// <summary><c>whsec_</c> + base64 of 24 to 64 random bytes, as the Standard Webhooks specification defines.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one delivery attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries (an event committed on this instance is sent at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts go on until one fails this long after the event was written (or replayed); then it is listed as failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Deliveries in flight at once, to different connections (one connection's events go one after another).</summary>
    public int Concurrency { get; set; } = 4;
}
