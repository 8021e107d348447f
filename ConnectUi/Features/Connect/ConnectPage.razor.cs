using System.Globalization;
using System.Text.Json;
using ConnectUi.Circuits;
using ConnectUi.Connections;
using ConnectUi.Embedding;
using ConnectUi.Features.Session;
using ConnectUi.Journeys;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ConnectUi.Features.Connect;

/// <summary>A provider's page: its guide beside its form, then the success screen.</summary>
public sealed partial class ConnectPage
{
    private ProviderDefinition? _provider;
    private bool _notFound;
    private string? _highlightedStep;
    private ConnectResult? _connected;
    private CredentialForm? _form;
    private string? _reportedServerAddress;
    private bool _focusHeading;
    private bool _formRetired;
    private VisitJourney _journey = null!;
    private ScriptModule? _module;

    [Inject]
    public required IProviderCatalog Catalog { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IOptions<ConnectFlowOptions> Options { get; init; }

    [Inject]
    public required IOptions<SandboxOptions> Sandbox { get; init; }

    [Inject]
    public required IConnectSessionContext Session { get; init; }

    [Inject]
    public required IHostEvents Host { get; init; }

    [Inject]
    public required IStringLocalizer<ConnectStrings> Loc { get; init; }

    [Inject]
    public required IJourneyRecorder Journeys { get; init; }

    [Inject]
    public required ILogger<VisitJourney> JourneyLogger { get; init; }

    [Inject]
    public required IOptions<HostApplicationOptions> HostApplication { get; init; }

    [Inject]
    public required IPausedForm Paused { get; init; }

    [Inject]
    public required ISessionService Sessions { get; init; }

    [Inject]
    public required IConnectionStore SavedConnections { get; init; }

    [Parameter]
    public required string ProviderId { get; set; }

    private bool SandboxEnabled => Sandbox.Value.Enabled;

    /// <summary>How the success screen names the host application: its brand, else the installation's setting.</summary>
    private string? HostName => Session.Current?.Branding?.ProductName ?? HostApplication.Value.HostName;

    private string Heading => (_connected, ReconnectTarget) switch
    {
        ({ }, _) => Loc[nameof(ConnectStrings.ConnectedHeading), _provider!.DisplayName],
        (null, null) => Loc[nameof(ConnectStrings.HeadingConnect), _provider!.DisplayName],
        (null, { }) => Loc[nameof(ConnectStrings.HeadingReconnect), _provider!.DisplayName],
    };

    private string PageTitle => (_connected, ReconnectTarget) switch
    {
        ({ }, _) => Loc[nameof(ConnectStrings.PageTitleConnected), _provider!.DisplayName],
        (null, null) => Loc[nameof(ConnectStrings.PageTitleConnect), _provider!.DisplayName],
        (null, { }) => Loc[nameof(ConnectStrings.PageTitleReconnect), _provider!.DisplayName],
    };

    private IReadOnlyList<string> EgressIps => Options.Value.EgressIps.ToArray();

    /// <summary>The connection this session renews, when it is of this page's provider.</summary>
    private RenewedConnection? ReconnectTarget =>
        Session.ReconnectTarget is { } target && _provider is not null && target.ProviderId == _provider.Id ? target : null;

    private Guid? ReconnectConnectionId => ReconnectTarget?.ConnectionId;

    private IReadOnlyDictionary<string, string>? ReconnectSettings => ReconnectTarget?.Settings;

    /// <summary>A renewed connection's settings, or a guided link's prefill: non-secret fields only, whatever was stored.</summary>
    private IReadOnlyDictionary<string, string>? StartValues =>
        (ReconnectSettings ?? Session.Current?.Prefill)?
            .Where(value => _provider?.FindField(value.Key) is { IsSecret: false })
            .ToDictionary(value => value.Key, value => value.Value);

    /// <summary>The guide step a guided link opens at, when it is one of this provider's.</summary>
    private string? StartStep => Session.Current?.StartStep is { } step && _provider?.FindStep(step) is not null ? step : null;

    protected override void OnInitialized()
    {
        _journey = new VisitJourney(Journeys, JourneyLogger);
    }

    /// <summary>
    /// A circuit resumed from persisted state (after <c>Blazor.pause()</c> or an eviction, maybe on another instance) has a
    /// new, empty session context: the session is opened again from the id the paused circuit kept, checked as a link's
    /// token would be, before the page (and its form) renders.
    /// </summary>
    protected override async Task OnInitializedAsync()
    {
        if (Paused.RestoredSessionId is { } sessionId && Session.Current is null && Session.EndedBecause is null)
        {
            var lookup = await Sessions.FindByIdAsync(sessionId, CancellationToken.None);
            await SessionStartPage.OpenInAsync(Session, SavedConnections, CircuitCulture, lookup, keep: true);
        }
    }

    /// <summary>False when the session fixes the provider (one allowed, or a reconnect): a link to the catalog would lead nowhere.</summary>
    private bool OffersOtherProviders =>
        Session.Current is not { } session || (session.ReconnectConnectionId is null && session.AllowedProviders is not [_]);

    private string ReconnectNotice(ProviderDefinition provider, RenewedConnection target)
    {
        var lastVerified = target.LastVerifiedAt.UtcDateTime.ToString("D", CultureInfo.CurrentCulture);
        return target.AccountLabel is { } account
            ? Loc[nameof(ConnectStrings.ReconnectNotice), provider.DisplayName, account, lastVerified]
            : Loc[nameof(ConnectStrings.ReconnectNoticeWithoutAccount), provider.DisplayName, lastVerified];
    }

    protected override void OnParametersSet()
    {
        var provider = Catalog.Find(ProviderId);

        // A provider the host did not allow is as absent as an unknown one.
        if (provider is null || (Session.Current is { } session && !Session.Refuses && !session.Allows(provider.Id)))
        {
            // The page shown so far keeps its provider until the router replaces it: a child that renders its content
            // once more in between (a cascading value changed) must not find the provider gone.
            _notFound = true;
            Navigation.NotFound();
            return;
        }

        _notFound = false;
        _provider = provider;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusHeading)
        {
            // The form and its submit button are gone: the focus goes to the heading that now says what happened.
            _focusHeading = false;
            await Module.InvokeVoidAsync("focusById", "page-heading");
            _formRetired = true;
            StateHasChanged();
        }

        if (firstRender && Session.ReconnectTarget is not null && _provider is not null && ReconnectTarget is null)
        {
            // A reconnect session renews one provider's connection; another provider's form would create a new one instead.
            Navigation.NavigateTo($"connect/{Session.ReconnectTarget.ProviderId}", replace: true);
        }
        else if (firstRender && _provider is not null && !Session.Refuses)
        {
            await StartVisitAsync(_provider);
        }

        await base.OnAfterRenderAsync(firstRender);
    }

    /// <summary>Opens the visit support staff see, with its support code; a guided link's step is shown at once.</summary>
    private async Task StartVisitAsync(ProviderDefinition provider)
    {
        var context = await BrowserContextAsync();
        if (_journey.HasEnded)
        {
            // The person left while the browser answered: the visit is abandoned and the module disposed, so a visit opened
            // now would stay open in the support console, and a guided link's step would throw.
            return;
        }

        _journey.Start(new VisitStart(
            provider.Id,
            Session.Current?.EndUserId,
            Session.Current?.Id,
            HostApplication.Value.HostName,
            context?.Language,
            context is null ? null : ViewportOf(context.Width),
            StartStep ?? provider.Guide.Steps.FirstOrDefault()?.Anchor));
        if (StartStep is { } step)
        {
            await ShowStepAsync(step);
        }
    }

    private async Task<BrowserContext?> BrowserContextAsync()
    {
        try
        {
            // JSON text read with the process-wide web options: a record result would make System.Text.Json build its
            // metadata and accessors in every circuit (each circuit's JS runtime has options of its own).
            var json = await Module.InvokeAsync<string?>("browserContext");
            return json is null ? null : JsonSerializer.Deserialize<BrowserContext>(json, JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is JSException or JsonException)
        {
            // Only the visit's language and screen size are lost; the page works the same.
            return null;
        }
    }

    internal static ViewportClass ViewportOf(int width) => width < 600 ? ViewportClass.Phone : width < 1024 ? ViewportClass.Tablet : ViewportClass.Desktop;

    internal sealed record BrowserContext(string? Language, int Width);

    private ScriptModule Module => _module ??= new(JS, "./Features/Connect/ConnectPage.razor.js");

    /// <summary>Leaving without a connection (tab closed, circuit gone, another page) abandons the visit.</summary>
    public async ValueTask DisposeAsync()
    {
        await _journey.AbandonAsync();
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }
    }

    /// <summary>Takes the person to a guide step they asked for, and marks it.</summary>
    private async Task ShowStepAsync(string anchor)
    {
        _journey.StepShown(anchor);
        _highlightedStep = anchor;
        StateHasChanged();
        await Module.InvokeVoidAsync("scrollToStep", anchor);
    }

    /// <summary>Marks the step a refusal points at; the person stays on the refusal, whose link leads to the step.</summary>
    private void MarkStep(string anchor) => _highlightedStep = anchor;

    private async Task FillFormAsync(IReadOnlyDictionary<string, string> values)
    {
        if (_form is not null)
        {
            _form.Fill(values);
            await Module.InvokeVoidAsync("focusById", "form-title");
        }
    }

    private async Task OnConnectedAsync(ConnectResult result)
    {
        _connected = result;
        _focusHeading = true;
        var session = Session.Current;
        if (session is not null)
        {
            // Used up: any other page of this tab now shows the expired-link page; this one keeps its success screen.
            Session.End(SessionStatus.Used);
        }

        var told = await Host.ConnectedAsync(result.ConnectionId!.Value, _provider!.Id);
        if (!told && session?.RedirectUrl is { } redirect)
        {
            Navigation.NavigateTo(WithOutcome(redirect, result.ConnectionId.Value), forceLoad: true);
        }
    }

    private async Task OnNotConnectedAsync(ConnectResult result)
    {
        _reportedServerAddress = result.Problem?.ReportedServerAddress ?? _reportedServerAddress;
        if (result.Status == ConnectStatus.SessionEnded)
        {
            Session.End(result.SessionStatus ?? SessionStatus.Unknown);
            await Host.ErrorAsync(_provider!.Id, nameof(ConnectStatus.SessionEnded));
            return;
        }

        await Host.ErrorAsync(_provider!.Id, result.OutcomeName);
    }

    /// <summary>The redirect URL with <c>connectionId</c> and <c>outcome</c> added to whatever query it already has.</summary>
    internal static string WithOutcome(Uri redirect, Guid connectionId)
    {
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        var fragment = redirect.Fragment;
        var withoutFragment = fragment.Length > 0 ? redirect.AbsoluteUri[..^fragment.Length] : redirect.AbsoluteUri;
        return $"{withoutFragment}{separator}connectionId={connectionId}&outcome=connected{fragment}";
    }
}
