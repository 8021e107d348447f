using System.Text.RegularExpressions;
using ConnectUi.Circuits;
using ConnectUi.Connections;
using ConnectUi.Localization;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ConnectUi.Features.Session;

/// <summary>
/// Where a session's <c>connectUrl</c> lands: resolves the token, keeps the session in this tab's circuit and moves on
/// to the catalog or the provider page, leaving the token out of the address bar from then on. The tab also keeps the
/// token in its own storage: when its server instance dies, <c>/connect?resume=true</c> opens the session again on another
/// instance and returns to the page the person was on.
/// </summary>
public sealed partial class SessionStartPage : IAsyncDisposable
{
    private SessionStatus? _ended;
    private string? _startPath;
    private bool _resuming;
    private ScriptModule? _module;

    [Inject]
    public required ISessionService Sessions { get; init; }

    [Inject]
    public required IConnectionStore Connections { get; init; }

    [Inject]
    public required IConnectSessionContext Context { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IStringLocalizer<SessionStrings> Loc { get; init; }

    [SupplyParameterFromQuery(Name = "session")]
    public string? Token { get; set; }

    /// <summary>Set by the reconnect dialog after the tab's server was lost: the token comes from the tab's storage.</summary>
    [SupplyParameterFromQuery(Name = "resume")]
    public string? Resume { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Token is null && Resume is not null)
        {
            // Only the browser knows the token; the interactive render asks it.
            _resuming = true;
            return;
        }

        await OpenAsync(Token, resumePath: null);
    }

    private async Task OpenAsync(string? token, string? resumePath)
    {
        var lookup = await Sessions.FindAsync(token, CancellationToken.None);

        // Prerendering is a separate request with its own services; only the interactive circuit keeps the session.
        if (!await OpenInAsync(Context, Connections, CircuitCulture, lookup, keep: RendererInfo.IsInteractive))
        {
            _ended = Context.EndedBecause;
            return;
        }

        if (RendererInfo.IsInteractive)
        {
            _startPath = resumePath is not null && IsPagePath(resumePath) ? resumePath : Context.StartPath();
        }
    }

    /// <summary>
    /// Opens a looked-up session in this circuit (a link's token, or the id a resumed circuit kept): with the connection it
    /// renews, in the host's language. False, and the context ended, when it cannot be used.
    /// </summary>
    internal static async Task<bool> OpenInAsync(
        IConnectSessionContext context, IConnectionStore connections, ICircuitCulture culture, SessionLookup lookup, bool keep)
    {
        RenewedConnection? reconnectTarget = null;
        if (lookup is { IsActive: true, Session.ReconnectConnectionId: { } reconnectId })
        {
            var saved = await connections.FindAsync(reconnectId, CancellationToken.None);

            // Deleted since the session was made, or not this end user's: the link cannot do what it promised.
            if (saved is null || saved.EndUserId != lookup.Session.EndUserId || !lookup.Session.Allows(saved.ProviderId))
            {
                lookup = SessionLookup.Unknown;
            }
            else
            {
                reconnectTarget = new RenewedConnection(saved.Id, saved.ProviderId, saved.Settings, saved.AccountLabel, saved.LastVerifiedAt);
            }
        }

        // The host's choice of language outranks the picker cookie and the browser's for this visit.
        culture.TrySet(lookup.Session?.Locale);

        if (!lookup.IsActive)
        {
            context.End(lookup.Status);
            return false;
        }

        if (keep)
        {
            context.Start(lookup.Session!, reconnectTarget);
        }

        return true;
    }

    /// <summary>
    /// Moves on once rendered, not during the first render: until the router has rendered, the browser does not know
    /// the circuit handles navigation and would fetch the next page over HTTP, where the tab's session is unknown (403).
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _resuming && RendererInfo.IsInteractive)
        {
            _resuming = false;
            var saved = await Module.InvokeAsync<SavedSession?>("recall");
            await OpenAsync(saved?.Token, saved?.Path);
            StateHasChanged();
            return;
        }

        if (_startPath is { } path)
        {
            _startPath = null;
            if (Token is not null)
            {
                await Module.InvokeVoidAsync("remember", Token);
            }

            Navigation.NavigateTo(path, replace: true);
        }
    }

    /// <summary>A page of this app a session may return to (the catalog or a provider page), never another address.</summary>
    internal static bool IsPagePath(string path) => path.Length == 0 || PagePath().IsMatch(path);

    [GeneratedRegex("^connect/[a-z0-9-]{1,100}$")]
    private static partial Regex PagePath();

    private ScriptModule Module => _module ??= new(JS, "./Features/Session/SessionStartPage.razor.js");

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }
    }

    /// <summary>What the tab kept: its session's token and the page it was on.</summary>
    public sealed record SavedSession(string Token, string? Path);
}
