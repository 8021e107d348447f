using ConnectUi.Branding;

namespace ConnectUi.Sessions;

/// <summary>The installation's brand with the current session's branding over it (a session without one changes nothing).</summary>
public sealed class SessionShownBrand(Brand installation, IConnectSessionContext session) : IShownBrand
{
    public Brand Current => installation.With(session.Current?.Branding);
}
