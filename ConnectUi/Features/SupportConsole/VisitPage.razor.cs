using ConnectUi.Journeys;
using ConnectUi.Staff.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.SupportConsole;

/// <summary>One visit: what is known of it and its timeline, which grows live as the journey feed reports new events.</summary>
public sealed partial class VisitPage
{
    private readonly List<JourneyEvent> _events = [];
    private VisitSummary? _visit;
    private bool _loaded;
    private IDisposable? _subscription;
    private ITimer? _clock;

    [Inject]
    public required IVisitDirectory Visits { get; init; }

    [Inject]
    public required IJourneyFeed Feed { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IConsoleText Text { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter]
    public Guid VisitId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribed before loading, so an event stored meanwhile is not missed; duplicates are dropped by id.
        _subscription = Feed.Subscribe(update => update.Visit.Id == VisitId ? InvokeAsync(() => Apply(update)) : Task.CompletedTask);
        _clock = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, VisitListPage.ClockRefresh, VisitListPage.ClockRefresh);

        _visit = await Visits.FindAsync(VisitId, CancellationToken.None);
        if (_visit is not null)
        {
            foreach (var journeyEvent in await Visits.TimelineAsync(VisitId, CancellationToken.None))
            {
                Add(journeyEvent);
            }
        }

        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Interactive render only: prerendering and the circuit both initialize the page, one view is one entry.
        if (firstRender && _visit is { } visit)
        {
            var user = (await AuthenticationState).User;
            await Audit.WriteAsync(user.Identity?.Name ?? "unknown", AuditAction.VisitViewed, visit.DisplayCode,
                $"{Text.Provider(visit.ProviderId)}, {visit.EndUserId ?? Loc[nameof(SupportConsoleStrings.EndUserNone)]}");
        }
    }

    private void Apply(JourneyUpdate update)
    {
        _visit = update.Visit;
        Add(update.Event);
        StateHasChanged();
    }

    private void Add(JourneyEvent journeyEvent)
    {
        if (_events.Any(e => e.Id == journeyEvent.Id))
        {
            return;
        }

        var index = _events.FindIndex(e => e.Id > journeyEvent.Id);
        _events.Insert(index < 0 ? _events.Count : index, journeyEvent);
    }

    private string BrowserText(VisitSummary visit)
    {
        var viewport = visit.Viewport switch
        {
            ViewportClass.Phone => Loc[nameof(SupportConsoleStrings.ViewportPhone)].Value,
            ViewportClass.Tablet => Loc[nameof(SupportConsoleStrings.ViewportTablet)].Value,
            ViewportClass.Desktop => Loc[nameof(SupportConsoleStrings.ViewportDesktop)].Value,
            _ => null,
        };
        var parts = new[] { visit.BrowserLanguage, viewport }.Where(p => p is not null).ToArray();
        return parts.Length == 0 ? Loc[nameof(SupportConsoleStrings.Unknown)] : string.Join(", ", parts);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _clock?.Dispose();
    }
}
