using ConnectUi.Connections;
using ConnectUi.Localization;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.Session;

/// <summary>
/// Where a session's <c>connectUrl</c> lands: resolves the token, keeps the session in this tab's circuit and moves on
/// to the catalog or the provider page, leaving the token out of the address bar from then on.
/// </summary>
public sealed partial class SessionStartPage
{
    private SessionStatus? _ended;
    private string? _startPath;

    [Inject]
    public required ISessionService Sessions { get; init; }

    [Inject]
    public required IConnectionStore Connections { get; init; }

    [Inject]
    public required IConnectSessionContext Context { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IStringLocalizer<SessionStrings> Loc { get; init; }

    [SupplyParameterFromQuery(Name = "session")]
    public string? Token { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var lookup = await Sessions.FindAsync(Token, CancellationToken.None);
        SavedConnection? reconnectTarget = null;
        if (lookup is { IsActive: true, Session.ReconnectConnectionId: { } reconnectId })
        {
            reconnectTarget = await Connections.FindAsync(reconnectId, CancellationToken.None);

            // Deleted since the session was made, or not this end user's: the link cannot do what it promised.
            if (reconnectTarget is null || reconnectTarget.EndUserId != lookup.Session.EndUserId || !lookup.Session.Allows(reconnectTarget.ProviderId))
            {
                lookup = SessionLookup.Unknown;
            }
        }

        // The host's choice of language outranks the picker cookie and the browser's for this visit.
        CircuitCulture.TrySet(lookup.Session?.Locale);

        if (!lookup.IsActive)
        {
            _ended = lookup.Status;
            Context.End(lookup.Status);
            return;
        }

        // Prerendering is a separate request with its own services; only the interactive circuit keeps the session.
        if (RendererInfo.IsInteractive)
        {
            Context.Start(lookup.Session!, reconnectTarget);
            _startPath = Context.StartPath();
        }
    }

    /// <summary>
    /// Moves on once rendered, not during the first render: until the router has rendered, the browser does not know
    /// the circuit handles navigation and would fetch the next page over HTTP, where the tab's session is unknown (403).
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (_startPath is { } path)
        {
            _startPath = null;
            Navigation.NavigateTo(path, replace: true);
        }
    }
}
