namespace ConnectUi.Providers;

/// <summary>A message written for the person, the fields it concerns and the guide step to revisit.</summary>
/// <param name="TechnicalDetails">Provider details for support staff; never holds a secret.</param>
/// <param name="SuggestedValues">Values the provider told us, offered for fields (for example the server's API version).</param>
/// <param name="ReportedServerAddress">The address the provider saw our call come from, when it refused that address.</param>
public sealed record ConnectProblem(
    string Message,
    IReadOnlyList<string> Fields,
    string? GuideStepAnchor,
    string? TechnicalDetails = null,
    IReadOnlyDictionary<string, string>? SuggestedValues = null,
    string? ReportedServerAddress = null);
