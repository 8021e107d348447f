namespace ConnectUi.Providers;

/// <summary>
/// What registers one provider with <see cref="ProvidersServiceCollectionExtensions.AddProvider"/>: its definition,
/// its verifier and options, how the verifier's address is trusted, and how the sandbox points it at the simulator.
/// </summary>
/// <typeparam name="TVerifier">The provider's test call; an HttpClient is injected into it.</typeparam>
/// <typeparam name="TOptions">The provider's operator settings.</typeparam>
public sealed record ProviderRegistration<TVerifier, TOptions>
    where TVerifier : class, IProviderVerifier
    where TOptions : class
{
    public required ProviderDefinition Definition { get; init; }

    /// <summary>The configuration section <typeparamref name="TOptions"/> binds from, <c>ConnectUi:Providers:{Provider}</c> by convention.</summary>
    public required string OptionsSection { get; init; }

    /// <summary>Whether the verifier calls an address the person typed or one the operator configured.</summary>
    public required ProviderAddress Address { get; init; }

    /// <summary>Called while the sandbox is on, with the simulator's base URL: points the provider's calls at it.</summary>
    public required Action<TOptions, string> UseSimulator { get; init; }
}

/// <summary>Who chooses the address a verifier calls, which decides how far it is trusted.</summary>
public enum ProviderAddress
{
    /// <summary>The operator's configuration (a fixed API host): no hostname guard, redirects still never followed.</summary>
    OperatorConfigured,

    /// <summary>Typed by the person (their own server's hostname): the hostname guard checks every address connected to.</summary>
    TypedByPerson,
}
