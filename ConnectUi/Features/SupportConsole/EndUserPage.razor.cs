using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Journeys;
using ConnectUi.Staff.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.SupportConsole;

/// <summary>
/// An end user's connections: status, last verified, outcome history and "Re-test now" (the stored verification,
/// which never changes the credentials). Only settings are shown; the console has no way to read a stored secret.
/// </summary>
public sealed partial class EndUserPage
{
    public const int HistoryShown = 20;

    private readonly HashSet<Guid> _retesting = [];
    private readonly Dictionary<Guid, string> _results = [];
    private readonly Dictionary<Guid, IReadOnlyList<VerificationHistoryEntry>> _history = [];
    private IReadOnlyList<SavedConnection>? _connections;
    private IReadOnlyList<VisitSummary>? _visits;
    private string? _search;
    private string? _searchProblem;

    [Inject]
    public required IConnectionStore Connections { get; init; }

    [Inject]
    public required IConnectionService Verification { get; init; }

    [Inject]
    public required IVisitDirectory Visits { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IConsoleText Text { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter]
    public string? EndUserId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _search = EndUserId;
        _connections = null;
        _visits = null;
        _results.Clear();
        if (EndUserId is null)
        {
            return;
        }

        await LoadAsync(EndUserId);
    }

    private async Task LoadAsync(string endUserId)
    {
        _connections = await Connections.ListAsync(endUserId, null, CancellationToken.None);
        foreach (var connection in _connections)
        {
            _history[connection.Id] = await Connections.HistoryAsync(connection.Id, HistoryShown, CancellationToken.None) ?? [];
        }

        _visits = await Visits.ListForEndUserAsync(endUserId, CancellationToken.None);
    }

    private void OpenEndUser()
    {
        var id = _search?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            _searchProblem = Loc[nameof(SupportConsoleStrings.EndUserRequired)];
            return;
        }

        _searchProblem = null;
        Navigation.NavigateTo($"support/end-users/{Uri.EscapeDataString(id)}");
    }

    private async Task RetestAsync(SavedConnection connection)
    {
        if (!_retesting.Add(connection.Id))
        {
            return;
        }

        try
        {
            var user = (await AuthenticationState).User.Identity?.Name ?? "unknown";
            var verified = await Verification.VerifyStoredAsync(connection.Id, VerificationTrigger.OnRequest, CancellationToken.None);
            await Audit.WriteAsync(user, AuditAction.ConnectionRetested, connection.Id.ToString(),
                $"{Text.Provider(connection.ProviderId)}, {EndUserId}: {verified?.OutcomeName ?? "not found"}");
            _results[connection.Id] = verified is null
                ? Loc[nameof(SupportConsoleStrings.RetestGone)]
                : verified.IsVerified
                    ? Loc[nameof(SupportConsoleStrings.RetestVerified), Text.Provider(connection.ProviderId)]
                    : Loc[nameof(SupportConsoleStrings.RetestRefused), Text.Outcome(verified.OutcomeName), verified.Problem?.Message ?? string.Empty];
            await LoadAsync(EndUserId!);
        }
        finally
        {
            _retesting.Remove(connection.Id);
        }
    }
}
