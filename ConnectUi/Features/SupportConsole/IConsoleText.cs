using ConnectUi.Connections;
using ConnectUi.Journeys;
using ConnectUi.Providers;

namespace ConnectUi.Features.SupportConsole;

/// <summary>How the console words outcomes, states, steps and times, shared by its pages.</summary>
public interface IConsoleText
{
    string Outcome(VerificationOutcome? outcome);

    /// <summary>An outcome by its stored name: a general category, or a provider's own code.</summary>
    string Outcome(string? name);

    /// <summary>A saved connection's status, as the background re-verification keeps it.</summary>
    string Status(ConnectionStatus status);

    string State(VisitSummary visit, DateTimeOffset now);

    string Provider(string providerId);

    /// <summary>"Step 2: Create the API member", or the anchor itself when the guide no longer has it.</summary>
    string Step(string providerId, string? anchor);

    /// <summary>The field's label as the customer saw it, or its name.</summary>
    string Field(string providerId, string? fieldName);

    string Ago(DateTimeOffset at, DateTimeOffset now);
}
