using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi.Tests.Providers;

public sealed class ProviderCatalogTests
{
    private readonly ProviderCatalog _catalog = new([KonnektiveProvider.Definition, ConnectWisePsaProvider.Definition]);

    private static string[] Ids(IEnumerable<ProviderDefinition> providers) => providers.Select(p => p.Id).ToArray();

    [Fact]
    public void All_lists_providers_by_display_name_without_duplicates()
    {
        var catalog = new ProviderCatalog([KonnektiveProvider.Definition, ConnectWisePsaProvider.Definition, KonnektiveProvider.Definition]);

        Assert.Equal([ConnectWisePsaProvider.Id, KonnektiveProvider.Id], Ids(catalog.All));
    }

    [Fact]
    public void Categories_are_listed_once_in_order()
    {
        Assert.Equal(["CRM", "E-commerce", "Support", "Ticketing"], _catalog.Categories);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_query_returns_every_provider(string? query)
    {
        Assert.Equal(Ids(_catalog.All), Ids(_catalog.Search(query)));
    }

    [Theory]
    [InlineData("Konnektive", KonnektiveProvider.Id)]
    [InlineData("ConnectWise PSA", ConnectWisePsaProvider.Id)]
    [InlineData("Checkout Champ", KonnektiveProvider.Id)]
    [InlineData("CheckoutChamp", KonnektiveProvider.Id)]
    [InlineData("ConnectWise Manage", ConnectWisePsaProvider.Id)]
    [InlineData("CW Manage", ConnectWisePsaProvider.Id)]
    [InlineData("Ticketing", ConnectWisePsaProvider.Id)]
    [InlineData("CRM", KonnektiveProvider.Id)]
    [InlineData("service tickets", ConnectWisePsaProvider.Id)]
    public void Search_finds_a_provider_by_name_alias_category_or_description(string query, string expectedId)
    {
        Assert.Equal([expectedId], Ids(_catalog.Search(query)));
    }

    [Theory]
    [InlineData("konnektive")]
    [InlineData("KONNEKTIVE")]
    [InlineData("checkout CHAMP")]
    [InlineData("e-COMMERCE")]
    public void Search_ignores_case(string query)
    {
        Assert.Equal([KonnektiveProvider.Id], Ids(_catalog.Search(query)));
    }

    [Fact]
    public void Every_word_of_the_query_must_match_but_not_in_the_same_place()
    {
        Assert.Equal([ConnectWisePsaProvider.Id], Ids(_catalog.Search("  manage   tickets ")));
        Assert.Empty(_catalog.Search("konnektive tickets"));
    }

    [Fact]
    public void A_query_matching_nothing_returns_an_empty_list()
    {
        Assert.Empty(_catalog.Search("Salesforce"));
    }

    [Theory]
    [InlineData("Support", ConnectWisePsaProvider.Id)]
    [InlineData("support", ConnectWisePsaProvider.Id)]
    [InlineData("E-commerce", KonnektiveProvider.Id)]
    public void The_category_filter_keeps_only_that_category(string category, string expectedId)
    {
        Assert.Equal([expectedId], Ids(_catalog.Search(null, category)));
    }

    [Fact]
    public void The_category_filter_matches_whole_categories_only()
    {
        Assert.Empty(_catalog.Search(null, "Sup"));
    }

    [Fact]
    public void The_category_filter_combines_with_the_query()
    {
        Assert.Empty(_catalog.Search("Konnektive", "Support"));
        Assert.Equal([KonnektiveProvider.Id], Ids(_catalog.Search("champ", "CRM")));
    }

    [Fact]
    public void Allowed_ids_limit_the_results()
    {
        Assert.Equal([KonnektiveProvider.Id], Ids(_catalog.Search(null, allowedIds: ["KONNEKTIVE"])));
        Assert.Empty(_catalog.Search("ConnectWise", allowedIds: [KonnektiveProvider.Id]));
        Assert.Empty(_catalog.Search(null, allowedIds: []));
    }

    [Theory]
    [InlineData(KonnektiveProvider.Id, KonnektiveProvider.Id)]
    [InlineData("Connectwise-PSA", ConnectWisePsaProvider.Id)]
    public void Find_returns_a_provider_by_id_ignoring_case(string id, string expectedId)
    {
        Assert.Equal(expectedId, _catalog.Find(id)?.Id);
    }

    [Theory]
    [InlineData("salesforce")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_returns_null_for_an_unknown_id(string? id)
    {
        Assert.Null(_catalog.Find(id));
    }
}
