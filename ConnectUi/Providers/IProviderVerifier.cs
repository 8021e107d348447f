
namespace ConnectUi.Providers;

/// <summary>One provider's test call: asks the provider's real API whether it accepts the credentials.</summary>
public interface IProviderVerifier
{
    /// <summary>The <see cref="ProviderDefinition.Id"/> this verifier serves.</summary>
    string ProviderId { get; }

    /// <summary>Never throws for a provider's answer or a network failure: every ending is a <see cref="VerificationResult"/>.</summary>
    Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken);
}

/// <summary>How a test call ended; <see cref="Problem"/> is set for every outcome but <see cref="VerificationOutcome.Verified"/>.</summary>
/// <param name="AccountLabel">A non-secret description of the account reached (company name, server version), for the success screen.</param>
public sealed record VerificationResult(VerificationOutcome Outcome, ConnectProblem? Problem = null, string? AccountLabel = null)
{
    public bool IsVerified => Outcome == VerificationOutcome.Verified;
}
