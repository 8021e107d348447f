using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using FluentValidation;

namespace ConnectUi.Tests.Hardening;

/// <summary>Whoever calls <see cref="IConnectionService"/>, nothing reaches a provider unless the provider's rules accept it.</summary>
public sealed class ConnectionServiceInputPropertyTests : IAsyncLifetime
{
    private const int Samples = 300;

    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ConnectionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> ProviderIds => [KonnektiveProvider.Id, ConnectWisePsaProvider.Id];

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public async Task Only_values_the_validator_accepts_reach_the_verifier(string providerId)
    {
        var provider = providerId == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition;
        var verifier = providerId == KonnektiveProvider.Id ? _db.Konnektive : _db.ConnectWise;
        var (valid, invalid) = (0, 0);

        await HostileInput.Model(provider).SampleDeterministicallyAsync(async model =>
        {
            var expected = provider.Validator.Validate(new ValidationContext<object>(model));
            var callsBefore = verifier.Calls;

            var result = await _db.ConnectAsync(new ConnectRequest(provider, model, "user-1"));

            if (expected.IsValid)
            {
                valid++;
                Assert.Equal(callsBefore + 1, verifier.Calls);
                Assert.Equal(ConnectStatus.Connected, result.Status);
                return;
            }

            invalid++;
            Assert.Equal(callsBefore, verifier.Calls);
            Assert.Equal(ConnectStatus.NotVerified, result.Status);
            Assert.Equal(VerificationOutcome.InvalidInput, result.Outcome);
            Assert.Null(result.ConnectionId);
            var problem = result.Problem!;
            var invalidFields = model.FieldNames.Where(f => expected.Errors.Any(e => e.PropertyName == f)).ToArray();
            Assert.Equal(invalidFields, problem.Fields);
            Assert.All(invalidFields, f => Assert.Contains(provider.FindField(f)!.Label(), problem.Message));
            Assert.All(model.FieldNames.Where(f => model[f].Length >= 12), f => Assert.DoesNotContain(model[f], problem.Message + problem.TechnicalDetails));
        }, Samples);

        Assert.True(valid > 0 && invalid > 0, $"{valid} valid and {invalid} invalid samples: the generator must produce both");
        Assert.Equal(valid, (await _db.ConnectionRowsAsync()).Count);
        Assert.Equal(valid, (await _db.AttemptRowsAsync()).Count);
    }
}
