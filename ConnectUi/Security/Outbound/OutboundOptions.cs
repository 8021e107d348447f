namespace ConnectUi.Security.Outbound;

/// <summary>Limits of every call our server makes to a provider, bound from <c>ConnectUi:Outbound</c>.</summary>
public sealed class OutboundOptions
{
    public const string Section = "ConnectUi:Outbound";

    /// <summary>How long one provider call may take before it counts as a timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lifts the private-address check, for tests and on-premise installs whose provider server (typed by the person)
    /// lives on the local network. Off by default: a user-typed hostname must not reach our own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
