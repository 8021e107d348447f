namespace ConnectUi.Sessions;

/// <summary>The session of this circuit (one browser tab), as the pages read and set it.</summary>
public interface IConnectSessionContext
{
    ConnectSession? Current { get; }

    /// <summary>The connection being renewed, when the session is for a reconnect; settings only.</summary>
    RenewedConnection? ReconnectTarget { get; }

    /// <summary>Why the session can no longer be used, once it was refused or used up in this tab.</summary>
    SessionStatus? EndedBecause { get; }

    /// <summary>Whether the UI refuses to work without a session.</summary>
    bool Required { get; }

    /// <summary>True when the pages must show the expired-link page instead of a form.</summary>
    bool Refuses { get; }

    void Start(ConnectSession session, RenewedConnection? reconnectTarget);

    /// <summary>The session was used, expired, or the token never opened one.</summary>
    void End(SessionStatus reason);

    /// <summary>Where the link takes the person first.</summary>
    string StartPath();
}
