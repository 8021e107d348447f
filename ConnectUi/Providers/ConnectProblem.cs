namespace ConnectUi.Providers;

/// <summary>A message written for the person, the fields it concerns and the guide step to revisit.</summary>
/// <param name="TechnicalDetails">Provider details for support staff; never holds a secret.</param>
/// <param name="SuggestedValues">Values the provider told us, offered for fields (for example the server's API version).</param>
public sealed record ConnectProblem(
    string Message,
    IReadOnlyList<string> Fields,
    string? GuideStepAnchor,
    string? TechnicalDetails = null,
    IReadOnlyDictionary<string, string>? SuggestedValues = null);
