using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;

namespace ConnectUi.Providers;

/// <summary>Everything the UI needs to know about one provider: catalog card, guide and form.</summary>
public sealed record ProviderDefinition
{
    public required string Id { get; init; }
    /// <summary>The product's own name, the same in every language.</summary>
    public required string DisplayName { get; init; }

    // Texts are functions over the provider's resources, as CredentialField's are: each read follows the UI culture.
    public required Func<string> Description { get; init; }

    /// <summary>Category ids (see <see cref="ProviderCategories"/>); shown through <see cref="ProviderCategories.DisplayName"/>.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Other names people search for (former or white-label product names).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The logo, an SVG in the provider's folder.</summary>
    public required ProviderLogo Logo { get; init; }

    /// <summary>App-relative address the logo is served at.</summary>
    public string LogoPath => $"providers/{Id}.svg";

    /// <summary>Writes the guide from the provider's resources, in the current UI culture.</summary>
    public required Func<ProviderGuide> WriteGuide { get; init; }

    /// <summary>
    /// The guide in the current UI culture, written once per culture: a page reads it many times per render, and each
    /// writing reads every text from the resources again. Kept per <see cref="WriteGuide"/>, so a copy made with another
    /// writer never answers with this one's guide.
    /// </summary>
    public ProviderGuide Guide => WrittenGuides.GetValue(WriteGuide, static _ => new ConcurrentDictionary<string, ProviderGuide>())
        .GetOrAdd(CultureInfo.CurrentUICulture.Name, static (_, write) => write(), WriteGuide);

    private static readonly ConditionalWeakTable<Func<ProviderGuide>, ConcurrentDictionary<string, ProviderGuide>> WrittenGuides = new();

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
    /// Endings only this provider knows, each a general category plus the provider's code; empty when the general
    /// <see cref="VerificationOutcome"/> values say all.
    /// </summary>
    public IReadOnlyList<ProviderOutcome> Outcomes { get; init; } = [];

    /// <summary>The provider's simulator and the scenarios the sandbox banner offers.</summary>
    public required ProviderSandbox Sandbox { get; init; }

    /// <summary>
    /// What support staff should tell a customer after each outcome, in the console's timeline; null when there is
    /// nothing beyond the message the customer already saw.
    /// </summary>
    public Func<ProviderOutcome, string?> StaffGuidance { get; init; } = _ => null;

    public CredentialField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The values of the secret fields in <paramref name="credentials"/>; as in storage, a field this definition does not list counts as secret.</summary>
    public IEnumerable<string> SecretValuesOf(CredentialModel credentials) => credentials.FieldNames
        .Where(name => FindField(name) is not { IsSecret: false })
        .Select(name => credentials[name]);

    public GuideStep? FindStep(string anchor) => Guide.Steps.FirstOrDefault(s => s.Anchor == anchor);
}
