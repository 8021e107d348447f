using ConnectUi.Sessions;

namespace ConnectUi.Abuse;

/// <summary>
/// Counts attempts per host connect session when the person came through one, otherwise per client address.
/// Behind a reverse proxy, configure forwarded headers so the address is the real client's.
/// </summary>
public sealed class SessionOrAddressPartition(ConnectSessionContext sessions, CallerAddress address) : IAttemptPartition
{
    public string CallerKey => sessions.Current is { } session
        ? "session:" + session.Id.ToString("N")
        : address.Value is { } value ? "ip:" + value : IAttemptPartition.Unknown;
}
