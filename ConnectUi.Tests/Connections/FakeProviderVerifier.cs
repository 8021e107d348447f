using ConnectUi.Connections;
using ConnectUi.Providers;
using Microsoft.Extensions.Time.Testing;

namespace ConnectUi.Tests.Connections;

/// <summary>A verifier that answers what the test tells it, taking as long on the fake clock as the test says.</summary>
public sealed class FakeProviderVerifier(string providerId, FakeTimeProvider time) : IProviderVerifier
{
    public string ProviderId => providerId;

    public VerificationResult Result { get; set; } = new(VerificationOutcome.Verified, AccountLabel: "Acme Corp");

    public TimeSpan Takes { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs during the call, after the clock moved: lets a test cancel or throw mid-call.</summary>
    public Action<CancellationToken>? During { get; set; }

    private int _calls;

    /// <summary>Counted safely across threads: some tests send many attempts at once.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        time.Advance(Takes);
        During?.Invoke(cancellationToken);
        return Task.FromResult(Result);
    }

    public void Refuse(VerificationOutcome outcome, string message = "The provider refused these credentials.") =>
        Result = new VerificationResult(outcome, new ConnectProblem(message, ["ApiPassword"], "step-1"));
}
