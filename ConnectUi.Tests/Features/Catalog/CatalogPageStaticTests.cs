using Bunit;
using ConnectUi.Features.Catalog;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.Catalog;

/// <summary>The catalog rendered for a request, with no circuit: the markup wwwroot/js/static-page.js works with.</summary>
public sealed class CatalogPageStaticTests : ComponentTestContext
{
    public CatalogPageStaticTests() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    [Fact]
    public void The_page_is_marked_for_its_script_and_the_search_is_named_as_the_address_names_it()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?q=konn");

        var page = Render<CatalogPage>();

        Assert.NotNull(page.Find("[data-static-catalog]"));
        var search = page.Find("[data-testid=catalog-search]");
        Assert.Equal("q", search.GetAttribute("name"));
        Assert.Equal("konn", search.GetAttribute("value"));
        Assert.False(page.Find("[data-clear-search]").HasAttribute("hidden"));
        Assert.Single(page.FindAll("a.provider-card"));
    }

    [Fact]
    public void The_clear_button_is_there_for_the_script_but_hidden_while_the_search_is_empty()
    {
        var page = Render<CatalogPage>();

        var clear = page.Find("[data-clear-search]");
        Assert.True(clear.HasAttribute("hidden"));
        Assert.Equal(CatalogStrings.ClearSearch, clear.GetAttribute("aria-label"));
    }

    [Fact]
    public void Each_category_button_names_its_category_and_says_whether_it_is_pressed()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?category=crm");

        var page = Render<CatalogPage>();

        var all = page.Find("[data-testid=category-filter] button[data-category='']");
        Assert.Equal(CatalogStrings.AllCategories, all.TextContent);
        Assert.Equal("false", all.GetAttribute("aria-pressed"));
        Assert.Equal("true", page.Find("[data-testid=category-filter] button[data-category=CRM]").GetAttribute("aria-pressed"));
    }
}
