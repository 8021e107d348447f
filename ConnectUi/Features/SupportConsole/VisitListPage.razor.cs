using ConnectUi.Connections;
using ConnectUi.Journeys;
using ConnectUi.Providers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.SupportConsole;

/// <summary>
/// The live list of the last 24 hours' visits. It loads from the database, then applies the journey feed's updates
/// as they come (from any instance), and re-reads the clock every 30 seconds so "how long ago" and the stuck flag move.
/// </summary>
public sealed partial class VisitListPage
{
    /// <summary>How often times and stuck flags are refreshed without an update.</summary>
    public static readonly TimeSpan ClockRefresh = TimeSpan.FromSeconds(30);

    private readonly List<VisitSummary> _visits = [];
    private IDisposable? _subscription;
    private ITimer? _clock;
    private bool _loaded;
    private string? _providerId;
    private VerificationOutcome? _outcome;
    private string? _endUser;
    private bool _stuckOnly;
    private string? _code;
    private string? _codeProblem;

    [Inject]
    public required IVisitDirectory Visits { get; init; }

    [Inject]
    public required IJourneyFeed Feed { get; init; }

    [Inject]
    public required IProviderCatalog Catalog { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [Inject]
    public required IConsoleText Text { get; init; }

    private VisitFilter Filter => new(_providerId, _outcome, _endUser, _stuckOnly);

    /// <summary>The visits matching the filters, the most recently active first.</summary>
    private IReadOnlyList<VisitSummary> Shown
    {
        get
        {
            var now = Time.GetUtcNow();
            return _visits.Where(v => Matches(v, Filter, now)).OrderByDescending(v => v.LastActivityAt).ToArray();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.Subscribe(update => InvokeAsync(() =>
        {
            Apply(update.Visit);
            StateHasChanged();
        }));
        _clock = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, ClockRefresh, ClockRefresh);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var loaded = await Visits.ListRecentAsync(Filter, CancellationToken.None);
        _visits.Clear();
        _visits.AddRange(loaded);
        _loaded = true;
    }

    private void Apply(VisitSummary visit)
    {
        var index = _visits.FindIndex(v => v.Id == visit.Id);
        if (index >= 0)
        {
            _visits[index] = visit;
        }
        else
        {
            _visits.Add(visit);
        }
    }

    /// <summary>The same rules as the database query, for visits that arrive through the feed.</summary>
    internal static bool Matches(VisitSummary visit, VisitFilter filter, DateTimeOffset now) =>
        now - visit.LastActivityAt <= VisitDirectory.RecentWindow
        && (string.IsNullOrEmpty(filter.ProviderId) || visit.ProviderId == filter.ProviderId)
        && (filter.Outcome is null || visit.LastOutcome == filter.Outcome)
        && (string.IsNullOrWhiteSpace(filter.EndUser) || (visit.EndUserId?.Contains(filter.EndUser.Trim(), StringComparison.Ordinal) ?? false))
        && (!filter.StuckOnly || visit.IsStuck(now));

    private Task OnProviderChanged(ChangeEventArgs e)
    {
        _providerId = e.Value as string is { Length: > 0 } id ? id : null;
        return ReloadAsync();
    }

    private Task OnOutcomeChanged(ChangeEventArgs e)
    {
        _outcome = Enum.TryParse<VerificationOutcome>(e.Value as string, out var outcome) ? outcome : null;
        return ReloadAsync();
    }

    private Task OnEndUserChanged(ChangeEventArgs e)
    {
        _endUser = e.Value as string is { Length: > 0 } endUser ? endUser : null;
        return ReloadAsync();
    }

    private Task OnStuckOnlyChanged(ChangeEventArgs e)
    {
        _stuckOnly = e.Value is true || (e.Value is string text && bool.TryParse(text, out var value) && value);
        return ReloadAsync();
    }

    private async Task FindByCodeAsync()
    {
        if (SupportCode.Normalize(_code) is null)
        {
            _codeProblem = Loc[nameof(SupportConsoleStrings.CodeMalformed)];
            return;
        }

        var visit = await Visits.FindByCodeAsync(_code, CancellationToken.None);
        if (visit is null)
        {
            _codeProblem = Loc[nameof(SupportConsoleStrings.CodeNotFound), SupportCode.Format(SupportCode.Normalize(_code)!)];
            return;
        }

        _codeProblem = null;
        Navigation.NavigateTo($"support/visits/{visit.Id}");
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _clock?.Dispose();
    }
}
