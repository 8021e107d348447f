namespace ConnectUi.Journeys;

/// <summary>How long the support console's visits and journey events are kept (<c>ConnectUi:Support</c>).</summary>
public sealed class JourneyRetentionOptions
{
    public const string Section = "ConnectUi:Support";

    /// <summary>How long journey events and visits are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired journey events are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
