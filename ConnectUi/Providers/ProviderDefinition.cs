using FluentValidation;

namespace ConnectUi.Providers;

/// <summary>Everything the UI needs to know about one provider: catalog card, guide and form.</summary>
public sealed record ProviderDefinition
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Other names people search for (former or white-label product names).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>App-relative path of the logo SVG shipped in wwwroot.</summary>
    public required string LogoPath { get; init; }

    public required ProviderGuide Guide { get; init; }
    public required IReadOnlyList<CredentialField> Fields { get; init; }

    /// <summary>Creates an empty credential model for this provider's form.</summary>
    public required Func<CredentialModel> CreateModel { get; init; }

    /// <summary>The FluentValidation validator of this provider's credential model.</summary>
    public required IValidator Validator { get; init; }

    /// <summary>
    /// The provider account the credentials sign in to (a login id, a company id), for per-account attempt limits and
    /// lock-outs. Treated as a secret: the limits keep only a hash of it. Null when the provider has no such notion.
    /// </summary>
    public Func<CredentialModel, string>? AccountKey { get; init; }

    /// <summary>
    /// What support staff should tell a customer after each outcome, in the console's timeline; null when there is
    /// nothing beyond the message the customer already saw.
    /// </summary>
    public Func<Connections.VerificationOutcome, string?> StaffGuidance { get; init; } = _ => null;

    public CredentialField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public GuideStep? FindStep(string anchor) => Guide.Steps.FirstOrDefault(s => s.Anchor == anchor);
}
