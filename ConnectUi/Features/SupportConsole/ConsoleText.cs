using ConnectUi.Connections;
using ConnectUi.Journeys;
using ConnectUi.Providers;
using Microsoft.Extensions.Localization;

namespace ConnectUi.Features.SupportConsole;

/// <summary>How the console words outcomes, states, steps and times, shared by its pages.</summary>
public sealed class ConsoleText(IStringLocalizer<SupportConsoleStrings> loc, IProviderCatalog catalog) : IConsoleText
{
    public string Outcome(VerificationOutcome? outcome) => loc[outcome switch
    {
        null => nameof(SupportConsoleStrings.OutcomeNone),
        VerificationOutcome.Verified => nameof(SupportConsoleStrings.OutcomeVerified),
        VerificationOutcome.InvalidCredentials => nameof(SupportConsoleStrings.OutcomeInvalidCredentials),
        VerificationOutcome.IpNotAllowed => nameof(SupportConsoleStrings.OutcomeIpNotAllowed),
        VerificationOutcome.PermissionDenied => nameof(SupportConsoleStrings.OutcomePermissionDenied),
        VerificationOutcome.SettingRejected => nameof(SupportConsoleStrings.OutcomeSettingRejected),
        VerificationOutcome.HostNotFound => nameof(SupportConsoleStrings.OutcomeHostNotFound),
        VerificationOutcome.HostNotAllowed => nameof(SupportConsoleStrings.OutcomeHostNotAllowed),
        VerificationOutcome.TlsFailure => nameof(SupportConsoleStrings.OutcomeTlsFailure),
        VerificationOutcome.Unreachable => nameof(SupportConsoleStrings.OutcomeUnreachable),
        VerificationOutcome.Timeout => nameof(SupportConsoleStrings.OutcomeTimeout),
        VerificationOutcome.RateLimited => nameof(SupportConsoleStrings.OutcomeRateLimited),
        VerificationOutcome.ProviderError => nameof(SupportConsoleStrings.OutcomeProviderError),
        VerificationOutcome.InvalidInput => nameof(SupportConsoleStrings.OutcomeInvalidInput),
        _ => nameof(SupportConsoleStrings.OutcomeProviderError),
    }];

    /// <summary>
    /// An outcome by its stored name (<see cref="ProviderOutcome.Name"/>): a general category, or a provider's own code,
    /// shown as the console words it when it knows the code and as the code itself otherwise.
    /// </summary>
    public string Outcome(string? name)
    {
        if (name is null)
        {
            return Outcome((VerificationOutcome?)null);
        }

        if (Enum.TryParse<VerificationOutcome>(name, out var category))
        {
            return Outcome(category);
        }

        var known = loc["Outcome" + name];
        return known.ResourceNotFound ? name : known.Value;
    }

    /// <summary>A saved connection's status, as the background re-verification keeps it.</summary>
    public string Status(ConnectionStatus status) => loc[status switch
    {
        ConnectionStatus.NeedsRelink => nameof(SupportConsoleStrings.ConnectionNeedsRelink),
        ConnectionStatus.Unreachable => nameof(SupportConsoleStrings.ConnectionUnreachable),
        _ => nameof(SupportConsoleStrings.ConnectionHealthy),
    }];

    public string State(VisitSummary visit, DateTimeOffset now) => loc[
        visit.IsStuck(now) ? nameof(SupportConsoleStrings.StateStuck)
        : visit.State switch
        {
            VisitState.Connected => nameof(SupportConsoleStrings.StateConnected),
            VisitState.Abandoned => nameof(SupportConsoleStrings.StateAbandoned),
            _ => nameof(SupportConsoleStrings.StateActive),
        }];

    public string Provider(string providerId) => catalog.Find(providerId)?.DisplayName ?? providerId;

    /// <summary>"Step 2: Create the API member", or the anchor itself when the guide no longer has it.</summary>
    public string Step(string providerId, string? anchor)
    {
        if (anchor is null)
        {
            return loc[nameof(SupportConsoleStrings.StepNone)];
        }

        var provider = catalog.Find(providerId);
        var steps = provider?.Guide.Steps ?? [];
        for (var index = 0; index < steps.Count; index++)
        {
            if (steps[index].Anchor == anchor)
            {
                return loc[nameof(SupportConsoleStrings.StepNumbered), index + 1, steps[index].Title];
            }
        }

        return anchor;
    }

    /// <summary>The field's label as the customer saw it, or its name.</summary>
    public string Field(string providerId, string? fieldName) =>
        fieldName is null ? string.Empty : catalog.Find(providerId)?.FindField(fieldName)?.Label() ?? fieldName;

    public string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed < TimeSpan.FromMinutes(1) ? loc[nameof(SupportConsoleStrings.AgoJustNow)]
            : elapsed < TimeSpan.FromHours(1) ? loc[nameof(SupportConsoleStrings.AgoMinutes), (int)elapsed.TotalMinutes]
            : loc[nameof(SupportConsoleStrings.AgoHours), (int)elapsed.TotalHours];
    }
}
