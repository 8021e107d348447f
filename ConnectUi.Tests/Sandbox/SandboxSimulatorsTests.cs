using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Sandbox;

/// <summary>The real verifiers, registered as the app registers them, against the simulators on loopback.</summary>
public sealed class SandboxSimulatorsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < SandboxFixture.Scenarios.Count; i++)
        {
            data.Add(i, $"{SandboxFixture.Scenarios[i].ProviderId}: {SandboxFixture.Scenarios[i].Scenario.Description}");
        }

        return data;
    }

    private ServiceProvider Services(TimeSpan timeout) => new ServiceCollection()
        .AddProviders(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectUi:Providers:Konnektive:BaseUrl"] = sandbox.BaseUrl + "/sandbox/" + KonnektiveProvider.Id,
            ["ConnectUi:Providers:ConnectWisePsa:BaseUrlOverride"] = sandbox.BaseUrl + "/sandbox/" + ConnectWisePsaProvider.Id,
            ["ConnectUi:Providers:ConnectWisePsa:AllowLoopbackOverride"] = "true",
            ["ConnectUi:Outbound:Timeout"] = timeout.ToString(),
        }).Build())
        .BuildServiceProvider();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_sandbox_case_ends_as_the_table_says(int index, string description)
    {
        var (providerId, sandboxCase) = SandboxFixture.Scenarios[index];

        // Only the never-answering cases need a short timeout; the others get a generous one so a busy machine cannot flake them.
        var timeout = sandboxCase.Outcome == VerificationOutcome.Timeout ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(10);
        await using var services = Services(timeout);
        var provider = services.GetRequiredService<ProviderCatalog>().Find(providerId)!;
        var model = provider.CreateModel();
        foreach (var (field, value) in sandboxCase.Values)
        {
            model[field] = value;
        }

        Assert.True(provider.Validator.Validate(new ValidationContext<object>(model)).IsValid, $"{description}: the form must accept the sandbox values");
        var verifier = services.GetServices<IProviderVerifier>().Single(v => v.ProviderId == providerId);

        var result = await verifier.VerifyAsync(model, CancellationToken.None);

        Assert.True(sandboxCase.Outcome.Name == result.Name, $"{description}: expected {sandboxCase.Outcome}, got {result.Name} ({result.Problem?.TechnicalDetails})");
        var secrets = provider.Fields.Where(f => f.IsSecret).Select(f => model[f.Name]).ToArray();
        Assert.All(sandbox.ReceivedUrls, url => Assert.All(secrets, secret => Assert.DoesNotContain(secret, url, StringComparison.OrdinalIgnoreCase)));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, result.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Konnektive_ip_case_shows_the_reported_address()
    {
        await using var services = Services(TimeSpan.FromSeconds(10));
        var verifier = services.GetServices<IProviderVerifier>().Single(v => v.ProviderId == KonnektiveProvider.Id);

        var result = await verifier.VerifyAsync(
            new KonnektiveCredentials { ApiLoginId = KonnektiveSandbox.IpNotAllowedLoginId, ApiPassword = KonnektiveSandbox.Password },
            CancellationToken.None);

        Assert.Contains(KonnektiveSandbox.ReportedIp, result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectWise_version_case_suggests_the_servers_version()
    {
        await using var services = Services(TimeSpan.FromSeconds(10));
        var verifier = services.GetServices<IProviderVerifier>().Single(v => v.ProviderId == ConnectWisePsaProvider.Id);

        var result = await verifier.VerifyAsync(
            new ConnectWisePsaCredentials
            {
                Hostname = ConnectWisePsaSandbox.Hostname,
                ApiVersion = ConnectWisePsaSandbox.UnsupportedApiVersion,
                ClientId = ConnectWisePsaSandbox.ClientId,
                Username = ConnectWisePsaSandbox.Username,
                Password = ConnectWisePsaSandbox.Password,
            },
            CancellationToken.None);

        Assert.Equal(ConnectWisePsaOutcomes.UnsupportedApiVersion, result.ProviderOutcome);
        Assert.Equal("2025.1", result.Problem!.SuggestedValues![nameof(ConnectWisePsaCredentials.ApiVersion)]);
    }

    [Fact]
    public async Task Konnektive_simulator_ignores_credentials_in_the_query_string()
    {
        using var client = new HttpClient();
        var url = $"{sandbox.BaseUrl}/sandbox/{KonnektiveProvider.Id}/order/query/?loginId={KonnektiveSandbox.LoginId}&password={KonnektiveSandbox.Password}";

        using var response = await client.PostAsync(url, new FormUrlEncodedContent([]));

        Assert.Contains("Invalid login credentials", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectWise_company_lookup_answers_in_pascal_case_like_the_real_one()
    {
        using var client = new HttpClient();

        var body = await client.GetStringAsync($"{sandbox.BaseUrl}/sandbox/{ConnectWisePsaProvider.Id}/login/companyinfo/{ConnectWisePsaSandbox.CompanyId}");

        Assert.Contains("\"CompanyName\":\"Sandbox Co\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Codebase\":\"v2025_1/\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_outcome_a_person_can_fix_has_a_sandbox_case()
    {
        ProviderOutcome[] konnektive = [VerificationOutcome.Verified, VerificationOutcome.InvalidCredentials, VerificationOutcome.IpNotAllowed, VerificationOutcome.PermissionDenied, VerificationOutcome.Timeout, VerificationOutcome.ProviderError];
        ProviderOutcome[] connectWise = [VerificationOutcome.Verified, ConnectWisePsaOutcomes.CompanyNotFound, VerificationOutcome.InvalidCredentials, VerificationOutcome.PermissionDenied, ConnectWisePsaOutcomes.InvalidClientId, ConnectWisePsaOutcomes.UnsupportedApiVersion, VerificationOutcome.Timeout, VerificationOutcome.RateLimited, VerificationOutcome.ProviderError];

        Assert.Equal(konnektive.Select(o => o.Name).Order(), KonnektiveProvider.Definition.Sandbox.Scenarios.Select(c => c.Outcome.Name).Distinct().Order());
        Assert.Equal(connectWise.Select(o => o.Name).Order(), ConnectWisePsaProvider.Definition.Sandbox.Scenarios.Select(c => c.Outcome.Name).Distinct().Order());
    }
}
