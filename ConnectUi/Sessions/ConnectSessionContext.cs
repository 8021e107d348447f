using Microsoft.Extensions.Options;

namespace ConnectUi.Sessions;

/// <summary>
/// The session of this circuit (one browser tab): set once the token in the link is resolved, read by the catalog and
/// the connect pages. The token itself is not kept; pages after the first do not carry it in their address.
/// </summary>
public sealed class ConnectSessionContext(IOptions<SessionOptions> options) : IConnectSessionContext
{
    public ConnectSession? Current { get; private set; }

    /// <summary>The connection being renewed, when the session is for a reconnect; settings only.</summary>
    public RenewedConnection? ReconnectTarget { get; private set; }

    /// <summary>Why the session can no longer be used, once it was refused or used up in this tab.</summary>
    public SessionStatus? EndedBecause { get; private set; }

    /// <summary>Whether the UI refuses to work without a session (<c>ConnectUi:Sessions:Required</c>).</summary>
    public bool Required => options.Value.Required;

    /// <summary>True when the pages must show the expired-link page instead of a form.</summary>
    public bool Refuses => EndedBecause is not null || (Required && Current is null);

    public void Start(ConnectSession session, RenewedConnection? reconnectTarget)
    {
        Current = session;
        ReconnectTarget = reconnectTarget;
        EndedBecause = null;
    }

    /// <summary>The session was used, expired, or the token never opened one.</summary>
    public void End(SessionStatus reason) => EndedBecause = reason;

    /// <summary>Where the link takes the person first: the renewed connection's provider, the only allowed provider, or the catalog.</summary>
    public string StartPath() =>
        ReconnectTarget is { } target ? $"connect/{target.ProviderId}"
        : Current?.AllowedProviders is [var only] ? $"connect/{only}"
        : string.Empty;
}
