using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Security.Redaction;
using ConnectUi.Tests.Connections;

namespace ConnectUi.Tests.Security.Redaction;

public sealed class SecretsInFlightTests
{
    [Fact]
    public void Only_secret_fields_are_tracked_so_hostnames_and_versions_stay_readable()
    {
        var request = TestCredentials.ConnectWise();

        using (SecretsInFlight.Track(request.Provider.SecretValuesOf(request.Credentials)))
        {
            Assert.Equal(
                $"{TestCredentials.ConnectWiseHostname} 2025.1 {TechnicalDetails.Redacted} {TechnicalDetails.Redacted}",
                SecretsInFlight.Redact($"{TestCredentials.ConnectWiseHostname} 2025.1 {TestCredentials.ConnectWisePassword} {TestCredentials.ConnectWiseClientId}"));
        }

        Assert.False(SecretsInFlight.Any);
    }

    [Fact]
    public void Url_and_json_escaped_forms_are_redacted_too()
    {
        using var scope = SecretsInFlight.Track(["p&ss \"word\""]);

        Assert.Equal(
            $"a={TechnicalDetails.Redacted} b={TechnicalDetails.Redacted}",
            SecretsInFlight.Redact("a=p%26ss%20%22word%22 b=p\\u0026ss \\u0022word\\u0022"));
    }

    [Fact]
    public void A_secret_inside_another_leaves_no_fragment()
    {
        using var scope = SecretsInFlight.Track(["abc", "xxabcxx"]);

        Assert.Equal($"[{TechnicalDetails.Redacted}]", SecretsInFlight.Redact("[xxabcxx]"));
    }

    [Fact]
    public async Task Parallel_flows_do_not_see_each_other_s_secrets()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var other = Task.Run(async () =>
        {
            using var scope = SecretsInFlight.Track(["other-flow-secret"]);
            entered.SetResult();
            await release.Task;
            return SecretsInFlight.Values.ToArray();
        });
        await entered.Task;

        using (SecretsInFlight.Track(["this-flow-secret"]))
        {
            Assert.Equal(["this-flow-secret"], SecretsInFlight.Values.Where(v => v.EndsWith("secret", StringComparison.Ordinal)));
            release.SetResult();
            Assert.DoesNotContain("this-flow-secret", await other);
        }
    }

    [Fact]
    public void Fields_a_definition_does_not_list_count_as_secret()
    {
        var credentials = new ConnectWisePsaCredentials { Hostname = "h.example.com", Password = "pw-123456" };
        var definition = ConnectWisePsaProvider.Definition with { Fields = [] };

        using var scope = SecretsInFlight.Track(definition.SecretValuesOf(credentials));

        Assert.True(SecretsInFlight.Contains("h.example.com"));
    }
}
