using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers;
using ConnectUi.Tests.Connections;

namespace ConnectUi.Tests.Hardening;

/// <summary>
/// The real ConnectWise PSA verifier, through the connection service, against a server that misbehaves on the
/// company lookup, or only on the authenticated system/info call after a good lookup.
/// </summary>
public sealed class ConnectWisePsaFaultTests
{
    private const string CompanyInfoJson = """{"CompanyName":"Acme Corp","Codebase":"v2025_1/","VersionCode":"v2025.1","CompanyID":"acme","IsCloud":true}""";

    public static TheoryData<Fault, bool, string, int?> Cases()
    {
        var data = new TheoryData<Fault, bool, string, int?>
        {
            { Fault.ConnectionRefused, false, nameof(VerificationOutcome.Unreachable), 0 },
            { Fault.InvalidTls, false, nameof(VerificationOutcome.TlsFailure), 0 },

            // ConnectWise answers an unknown company with an empty body: by design that reads as "no such company".
            { Fault.EmptyBody, false, nameof(ConnectWisePsaOutcomes.CompanyNotFound), 1 },
            { Fault.EmptyBody, true, nameof(VerificationOutcome.ProviderError), 1 },
        };
        foreach (var afterLookup in new[] { false, true })
        {
            data.Add(Fault.ResetMidBody, afterLookup, nameof(VerificationOutcome.Unreachable), null);
            data.Add(Fault.NeverAnswers, afterLookup, nameof(VerificationOutcome.Timeout), 2);
            data.Add(Fault.EndlessTrickle, afterLookup, nameof(VerificationOutcome.Timeout), 2);
            data.Add(Fault.Status500, afterLookup, nameof(VerificationOutcome.ProviderError), 2);
            data.Add(Fault.Status502, afterLookup, nameof(VerificationOutcome.ProviderError), 2);
            data.Add(Fault.Status503, afterLookup, nameof(VerificationOutcome.ProviderError), 2);
            data.Add(Fault.TooManyRequests, afterLookup, nameof(VerificationOutcome.RateLimited), 1);
            data.Add(Fault.Garbage, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
            data.Add(Fault.TruncatedJson, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
            data.Add(Fault.DeeplyNestedJson, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
            data.Add(Fault.HtmlLoginPage, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
            data.Add(Fault.HugeStreamedBody, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
            data.Add(Fault.HugeDeclaredBody, afterLookup, nameof(VerificationOutcome.ProviderError), 1);
        }

        return data;
    }

    /// <param name="afterLookup">The company lookup answers normally and only system/info misbehaves.</param>
    /// <param name="requests">How many requests met the fault: retried at most once, never after a rate limit; null where the network decides.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_fault_ends_in_a_named_outcome_with_a_message_and_saves_nothing(Fault fault, bool afterLookup, string expected, int? requests)
    {
        await using var provider = await FaultyProvider.StartAsync(
            fault,
            healthy: path => afterLookup && path.Contains("/login/companyinfo/", StringComparison.Ordinal) ? CompanyInfoJson : null);
        await using var db = await RealVerifiers.DatabaseAsync(provider.BaseUrl, FaultExpectations.Timeout(fault, afterHealthyCall: afterLookup));
        var request = TestCredentials.ConnectWise();

        var result = await db.ConnectAsync(request);

        Assert.True(expected == result.OutcomeName, $"{fault}: expected {expected}, got {result.OutcomeName} ({result.Problem?.TechnicalDetails})");
        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        var credentials = (ConnectWisePsaCredentials)request.Credentials;
        Assert.Equal(
            ConnectWisePsaProblems.For(new ProviderOutcome(result.Outcome, result.OutcomeCode), credentials.Hostname, credentials.CompanyId, credentials.ApiVersion, null).Message,
            result.Problem?.Message);
        var details = result.Problem!.TechnicalDetails!;
        Assert.StartsWith(afterLookup ? "GET system/info" : "GET login/companyinfo", details, StringComparison.Ordinal);
        if (expected != nameof(ConnectWisePsaOutcomes.CompanyNotFound))
        {
            Assert.Contains(FaultExpectations.ExpectedDetail(fault), details, StringComparison.Ordinal);
        }

        Assert.All(TestCredentials.Secrets, secret => Assert.DoesNotContain(secret, details, StringComparison.OrdinalIgnoreCase));
        if (requests is { } count)
        {
            Assert.Equal(count, provider.FaultedRequests);
        }

        Assert.True(provider.HugeBytesSent < FaultyProvider.HugeBodyBytes, "the whole huge body was read");
        Assert.Empty(await db.ConnectionRowsAsync());
        Assert.Equal(expected, Assert.Single(await db.AttemptRowsAsync()).Outcome);
    }
}
