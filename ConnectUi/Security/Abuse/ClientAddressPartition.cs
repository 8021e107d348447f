namespace ConnectUi.Security.Abuse;

/// <summary>The default caller partition: the client address. Behind a reverse proxy, configure forwarded headers so this is the real client.</summary>
public sealed class ClientAddressPartition(CallerAddress address) : IAttemptPartition
{
    public string CallerKey => address.Value is { } value ? "ip:" + value : IAttemptPartition.Unknown;
}
