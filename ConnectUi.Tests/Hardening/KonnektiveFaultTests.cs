using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Connections;

namespace ConnectUi.Tests.Hardening;

/// <summary>The real Konnektive verifier, through the connection service, against a provider that misbehaves.</summary>
public sealed class KonnektiveFaultTests
{
    public static TheoryData<Fault, VerificationOutcome, int?> Cases => new()
    {
        { Fault.ConnectionRefused, VerificationOutcome.Unreachable, 0 },
        { Fault.ResetMidBody, VerificationOutcome.Unreachable, null },
        { Fault.NeverAnswers, VerificationOutcome.Timeout, 2 },
        { Fault.EndlessTrickle, VerificationOutcome.Timeout, 2 },
        { Fault.Status500, VerificationOutcome.ProviderError, 2 },
        { Fault.Status502, VerificationOutcome.ProviderError, 2 },
        { Fault.Status503, VerificationOutcome.ProviderError, 2 },
        { Fault.TooManyRequests, VerificationOutcome.RateLimited, 1 },
        { Fault.InvalidTls, VerificationOutcome.TlsFailure, 0 },
        { Fault.Garbage, VerificationOutcome.ProviderError, 1 },
        { Fault.TruncatedJson, VerificationOutcome.ProviderError, 1 },
        { Fault.DeeplyNestedJson, VerificationOutcome.ProviderError, 1 },
        { Fault.HtmlLoginPage, VerificationOutcome.ProviderError, 1 },
        { Fault.EmptyBody, VerificationOutcome.ProviderError, 1 },
        { Fault.HugeStreamedBody, VerificationOutcome.ProviderError, 1 },
        { Fault.HugeDeclaredBody, VerificationOutcome.ProviderError, 1 },
    };

    /// <param name="requests">How many requests met the fault: retried at most once, never after a rate limit; null where the network decides.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_fault_ends_in_a_named_outcome_with_a_message_and_saves_nothing(Fault fault, VerificationOutcome expected, int? requests)
    {
        await using var provider = await FaultyProvider.StartAsync(fault);
        await using var db = await RealVerifiers.DatabaseAsync(provider.BaseUrl, FaultExpectations.Timeout(fault));

        var result = await db.ConnectAsync(TestCredentials.Konnektive());

        Assert.True(expected == result.Outcome, $"{fault}: expected {expected}, got {result.Outcome} ({result.Problem?.TechnicalDetails})");
        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        Assert.Equal(KonnektiveProblems.For(expected, null).Message, result.Problem?.Message);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem?.TechnicalDetails));
        Assert.DoesNotContain(TestCredentials.KonnektivePassword, result.Problem!.TechnicalDetails!, StringComparison.OrdinalIgnoreCase);
        if (requests is { } count)
        {
            Assert.Equal(count, provider.FaultedRequests);
        }

        Assert.Contains(FaultExpectations.ExpectedDetail(fault), result.Problem.TechnicalDetails, StringComparison.Ordinal);
        Assert.True(provider.HugeBytesSent < FaultyProvider.HugeBodyBytes, "the whole huge body was read");
        Assert.Empty(await db.ConnectionRowsAsync());
        Assert.Equal(expected.ToString(), Assert.Single(await db.AttemptRowsAsync()).Outcome);
    }
}
