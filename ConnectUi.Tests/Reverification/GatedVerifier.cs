using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Reverification;

/// <summary>A verifier whose calls wait for the test to let them through while gated, counting how many are in flight at once.</summary>
public sealed class GatedVerifier(string providerId) : IProviderVerifier
{
    private readonly SemaphoreSlim _gate = new(0);
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public string ProviderId => providerId;

    public bool Gated { get; set; }

    public VerificationResult Result { get; set; } = new(VerificationOutcome.Verified, AccountLabel: "Acme Corp");

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Calls => Volatile.Read(ref _calls);

    public async Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (Gated)
            {
                await _gate.WaitAsync(cancellationToken);
            }

            return Result;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Release(int calls = 1) => _gate.Release(calls);
}
