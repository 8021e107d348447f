namespace ConnectUi.Providers;

/// <summary>
/// A provider's part of the sandbox: a simulator that answers as the provider's API does (PROVIDERS.md), and the
/// scenarios it understands, which the sandbox banner lists with a "Fill in" button each.
/// </summary>
public sealed record ProviderSandbox
{
    /// <summary>Every scenario, in the order the banner lists them; each one's values fill every field of the form.</summary>
    public required IReadOnlyList<SandboxScenario> Scenarios { get; init; }

    /// <summary>Maps the simulator's routes, relative to the group the sandbox mounts at <c>/sandbox/{provider id}</c>.</summary>
    public required Action<IEndpointRouteBuilder> MapSimulator { get; init; }
}

/// <summary>One sandbox scenario: the form values to type and the outcome they lead to.</summary>
/// <param name="Values">Form values by credential property name.</param>
/// <param name="Describe">The scenario's name in the banner, in the page's language (read when shown).</param>
public sealed record SandboxScenario(Func<string> Describe, ProviderOutcome Outcome, IReadOnlyDictionary<string, string> Values)
{
    public string Description => Describe();
}

/// <summary>Where each provider's simulator answers; registered only while the sandbox is on.</summary>
public interface ISimulatorAddress
{
    /// <summary>The absolute base URL of the provider's simulator, without a trailing slash.</summary>
    string For(ProviderDefinition provider);
}
