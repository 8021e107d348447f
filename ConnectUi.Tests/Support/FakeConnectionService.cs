using ConnectUi.Connections;

namespace ConnectUi.Tests.Support;

/// <summary>Records what the form submitted and answers with a result the test chooses.</summary>
public sealed class FakeConnectionService : IConnectionService
{
    private readonly List<(ConnectRequest Request, IReadOnlyDictionary<string, string> Values)> _calls = [];

    /// <summary>What the next call answers; a test may also hold the call open with <see cref="Gate"/>.</summary>
    public ConnectResult Result { get; set; } = ConnectResult.Connected(Guid.Parse("6f1c2a57-3c1e-4a35-9d43-0d9f3c2b7a11"), TestServices.Now);

    /// <summary>When set, calls wait for it before answering (to observe the "checking" state).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<(ConnectRequest Request, IReadOnlyDictionary<string, string> Values)> Calls => _calls;

    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        _calls.Add((request, request.Credentials.ToDictionary()));
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        return Result;
    }

    /// <summary>What <see cref="VerifyStoredAsync"/> answers; null answers "no such connection".</summary>
    public StoredVerification? StoredVerification { get; set; }

    public Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, VerificationTrigger trigger, CancellationToken cancellationToken) =>
        Task.FromResult(StoredVerification);
}
