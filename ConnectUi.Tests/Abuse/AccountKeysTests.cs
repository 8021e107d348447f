using ConnectUi.Abuse;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Abuse;

public sealed class AccountKeysTests
{
    [Fact]
    public void Every_registered_provider_names_the_account_its_credentials_sign_in_to()
    {
        var services = new ServiceCollection().AddProviders(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.All(services.GetRequiredService<ProviderCatalog>().All, provider => Assert.NotNull(provider.AccountKey));
    }

    [Fact]
    public void Konnektive_accounts_are_login_ids_and_ConnectWise_accounts_are_company_ids()
    {
        Assert.Equal(TestCredentials.KonnektiveLogin, KonnektiveProvider.Definition.AccountKey!(TestCredentials.Konnektive().Credentials));
        Assert.Equal("acme", ConnectWisePsaProvider.Definition.AccountKey!(TestCredentials.ConnectWise().Credentials));
    }

    [Fact]
    public void The_key_is_a_hash_that_ignores_case_and_spaces_but_not_the_provider()
    {
        var request = TestCredentials.Konnektive();
        var key = AccountKeys.Of(request.Provider, request.Credentials);
        request.Credentials["ApiLoginId"] = " ACME_API_USER ";

        Assert.Equal(key, AccountKeys.Of(request.Provider, request.Credentials));
        Assert.DoesNotContain(TestCredentials.KonnektiveLogin, key!, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9A-F]{64}$", key);
        Assert.NotEqual(key, AccountKeys.Of(KonnektiveProvider.Definition with { Id = "other" }, request.Credentials));
    }

    [Fact]
    public void An_empty_account_or_a_provider_without_accounts_has_no_key()
    {
        var request = TestCredentials.Konnektive();
        Assert.Null(AccountKeys.Of(request.Provider with { AccountKey = null }, request.Credentials));

        request.Credentials["ApiLoginId"] = "  ";
        Assert.Null(AccountKeys.Of(request.Provider, request.Credentials));
    }
}
