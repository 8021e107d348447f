namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>
/// Endings only ConnectWise PSA knows, each a <see cref="VerificationOutcome.SettingRejected"/> with its own code. The
/// codes are the host API's outcome values for them (docs/host-api.md), so they never change.
/// </summary>
public static class ConnectWisePsaOutcomes
{
    /// <summary>No company with that Company ID on that host (the Username's part before the +).</summary>
    public static ProviderOutcome CompanyNotFound { get; } = new(VerificationOutcome.SettingRejected, nameof(CompanyNotFound));

    /// <summary>The Client ID header was refused: not a registered integration.</summary>
    public static ProviderOutcome InvalidClientId { get; } = new(VerificationOutcome.SettingRejected, nameof(InvalidClientId));

    /// <summary>The server does not support the API version typed.</summary>
    public static ProviderOutcome UnsupportedApiVersion { get; } = new(VerificationOutcome.SettingRejected, nameof(UnsupportedApiVersion));

    public static IReadOnlyList<ProviderOutcome> All { get; } = [CompanyNotFound, InvalidClientId, UnsupportedApiVersion];
}
