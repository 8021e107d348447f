using Bunit;
using ConnectUi.Features.Catalog;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.Catalog;

public sealed class CatalogPageTests : ComponentTestContext
{
    // In a circuit (a session's): the page answers input itself. CatalogPageStaticTests renders it for a request.
    public CatalogPageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Shows_every_provider_as_a_card_with_logo_name_categories_and_description()
    {
        var page = Render<CatalogPage>();

        var konnektive = page.Find("[data-testid=provider-card-konnektive]");
        Assert.Contains("Konnektive CRM", konnektive.TextContent);
        Assert.Contains("CRM", konnektive.TextContent);
        Assert.Contains("E-commerce", konnektive.TextContent);
        Assert.Equal("providers/konnektive.svg", konnektive.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("connect/konnektive", konnektive.GetAttribute("href"));

        var connectWise = page.Find("[data-testid=provider-card-connectwise-psa]");
        Assert.Contains("ConnectWise PSA", connectWise.TextContent);
        Assert.Contains("Support", connectWise.TextContent);
        Assert.Contains("Ticketing", connectWise.TextContent);
        Assert.Contains("Professional services automation", connectWise.TextContent);
    }

    [Theory]
    [InlineData("checkout champ", "konnektive")]
    [InlineData("ConnectWise Manage", "connectwise-psa")]
    [InlineData("ticketing", "connectwise-psa")]
    [InlineData("KONNEKTIVE", "konnektive")]
    public void Search_filters_by_name_alias_and_category_as_you_type(string query, string expectedId)
    {
        var page = Render<CatalogPage>();

        page.Find("[data-testid=catalog-search]").Input(query);

        var cards = page.FindAll("a.provider-card");
        var card = Assert.Single(cards);
        Assert.Equal($"provider-card-{expectedId}", card.GetAttribute("data-testid"));
        Assert.Equal(CatalogStrings.ResultCountOne, page.Find("[data-testid=result-count]").TextContent);
    }

    [Fact]
    public void A_search_without_matches_shows_an_empty_state_that_clears_the_filters()
    {
        var page = Render<CatalogPage>();

        page.Find("[data-testid=catalog-search]").Input("salesforce");

        var empty = page.Find("[data-testid=empty-state]");
        Assert.Contains(
            string.Format(CatalogStrings.EmptyHeading, string.Format(CatalogStrings.EmptyCriteriaQuery, "salesforce")),
            empty.TextContent);
        Assert.Empty(page.FindAll("a.provider-card"));

        // The search box still controls an element that exists.
        var controls = page.Find("[data-testid=catalog-search]").GetAttribute("aria-controls");
        Assert.NotNull(page.Find($"#{controls}").QuerySelector("[data-testid=empty-state]"));

        page.Find("[data-testid=empty-state] button").Click();

        Assert.Equal(2, page.FindAll("a.provider-card").Count);
        Assert.Equal(string.Empty, page.Find("[data-testid=catalog-search]").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public void The_clear_button_shows_with_a_search_empties_it_and_gives_the_focus_back()
    {
        var page = Render<CatalogPage>();
        Assert.Empty(page.FindAll(".catalog-search button"));
        Assert.Equal(CatalogStrings.SearchLabel, page.Find("label[for=catalog-search]").TextContent);

        page.Find("[data-testid=catalog-search]").Input("konnektive");
        var clear = page.Find(".catalog-search button");
        Assert.Equal(CatalogStrings.ClearSearch, clear.GetAttribute("aria-label"));
        Assert.Single(page.FindAll("a.provider-card"));

        clear.Click();

        Assert.Equal(string.Empty, page.Find("[data-testid=catalog-search]").GetAttribute("value") ?? string.Empty);
        Assert.Equal(2, page.FindAll("a.provider-card").Count);
        Assert.Empty(page.FindAll(".catalog-search button"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus");
    }

    [Fact]
    public void Category_buttons_filter_and_say_which_one_is_pressed()
    {
        var page = Render<CatalogPage>();

        CategoryButton(page, "Support").Click();

        var card = Assert.Single(page.FindAll("a.provider-card"));
        Assert.Equal("provider-card-connectwise-psa", card.GetAttribute("data-testid"));
        Assert.Equal("true", CategoryButton(page, "Support").GetAttribute("aria-pressed"));
        Assert.Equal("false", CategoryButton(page, CatalogStrings.AllCategories).GetAttribute("aria-pressed"));

        CategoryButton(page, CatalogStrings.AllCategories).Click();

        Assert.Equal(2, page.FindAll("a.provider-card").Count);
    }

    [Fact]
    public void Search_within_a_category_without_matches_names_both_in_the_empty_state()
    {
        var page = Render<CatalogPage>();

        CategoryButton(page, "CRM").Click();
        page.Find("[data-testid=catalog-search]").Input("connectwise");

        Assert.Contains(
            string.Format(CatalogStrings.EmptyCriteriaQueryInCategory, "connectwise", "CRM"),
            page.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void The_criteria_go_into_the_address_without_a_navigation_so_back_and_reload_find_them()
    {
        var address = JSInterop.SetupModule("./js/address-bar.js");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<CatalogPage>();

        page.Find("[data-testid=catalog-search]").Input("connect wise");
        CategoryButton(page, "Support").Click();
        page.Find("[data-testid=catalog-search]").Input("  ");
        CategoryButton(page, CatalogStrings.AllCategories).Click();

        Assert.Equal(
            ["http://localhost/?q=connect%20wise", "http://localhost/?q=connect%20wise&category=Support", "http://localhost/?category=Support", "http://localhost/"],
            address.Invocations["replace"].Select(i => (string)i.Arguments[0]!));
        // Replaced in place: no navigation, so no answer for an earlier key can put its text back into the search.
        Assert.Equal("http://localhost/", navigation.Uri);
        Assert.Equal("  ", page.Find("[data-testid=catalog-search]").GetAttribute("value"));
    }

    private static AngleSharp.Dom.IElement CategoryButton(IRenderedComponent<CatalogPage> page, string name) =>
        page.FindAll("[data-testid=category-filter] button").Single(b => b.TextContent.Trim() == name);
}
