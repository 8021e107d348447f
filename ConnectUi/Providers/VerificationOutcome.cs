namespace ConnectUi.Providers;

/// <summary>
/// The general ways a provider test call can end, which every part of ConnectUi acts on (attempt limits, alert titles,
/// saving). An ending only one provider knows is that provider's <see cref="ProviderOutcome"/>: one of these categories
/// plus the provider's own code.
/// </summary>
public enum VerificationOutcome
{
    Verified,
    InvalidCredentials,
    IpNotAllowed,
    PermissionDenied,

    /// <summary>
    /// The provider refused a setting other than the sign-in itself (an account or company, a client id, an API version);
    /// the provider's <see cref="ProviderOutcome.Code"/> says which.
    /// </summary>
    SettingRejected,

    HostNotFound,
    HostNotAllowed,
    TlsFailure,
    Unreachable,
    Timeout,
    RateLimited,
    ProviderError,

    /// <summary>The submitted values broke the provider's own form rules; no call was made.</summary>
    InvalidInput,
}

/// <summary>
/// An outcome as a provider reports it: its general <paramref name="Category"/> and, for an ending only this provider
/// knows, its own <paramref name="Code"/> (for example a client id the provider does not know). <see cref="Name"/> is
/// what the host API, host events and the attempt log show, so those values stay what they have always been.
/// </summary>
/// <param name="Code">Letters only, stable once published; null for an outcome the category says all about.</param>
public sealed record ProviderOutcome(VerificationOutcome Category, string? Code = null)
{
    public string Name => Code ?? Category.ToString();

    public static implicit operator ProviderOutcome(VerificationOutcome category) => new(category);

    public override string ToString() => Name;
}
