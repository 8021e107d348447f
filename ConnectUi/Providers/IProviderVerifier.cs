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
/// <param name="Outcome">The general category, which the rest of ConnectUi acts on.</param>
/// <param name="AccountLabel">A non-secret description of the account reached (company name, server version), for the success screen.</param>
public sealed record VerificationResult(VerificationOutcome Outcome, ConnectProblem? Problem = null, string? AccountLabel = null)
{
    /// <summary>The provider's own code for an ending only it knows; see <see cref="ProviderOutcome"/>.</summary>
    public string? Code { get; init; }

    /// <summary>The outcome as the host API and the attempt log name it: the provider's code, or the category.</summary>
    public string Name => Code ?? Outcome.ToString();

    public ProviderOutcome ProviderOutcome => new(Outcome, Code);

    public bool IsVerified => Outcome == VerificationOutcome.Verified;

    /// <summary>A refusal or failure, general or specific to the provider.</summary>
    public static VerificationResult Failed(ProviderOutcome outcome, ConnectProblem problem) =>
        new(outcome.Category, problem) { Code = outcome.Code };
}
