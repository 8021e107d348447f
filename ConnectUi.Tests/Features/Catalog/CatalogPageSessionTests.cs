using Bunit;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Session;
using ConnectUi.Providers;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sessions;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Features.Session.SessionExamples;

namespace ConnectUi.Tests.Features.Catalog;

public sealed class CatalogPageSessionTests : ComponentTestContext
{
    /// <summary>A third provider, so a session can allow some providers but not all.</summary>
    private static readonly ProviderDefinition AcmeBooks = KonnektiveProvider.Definition with
    {
        Id = "acme-books",
        DisplayName = "Acme Books",
        Aliases = [],
        Categories = ["Accounting"],
        Description = () => "Bookkeeping.",
    };

    public CatalogPageSessionTests()
    {
        Services.AddSingleton(AcmeBooks);
    }

    private ConnectSessionContext Context => Services.GetRequiredService<ConnectSessionContext>();

    [Fact]
    public void Under_a_session_only_the_allowed_providers_and_their_categories_are_offered()
    {
        Context.Start(ExampleSession(allowedProviders: [KonnektiveProvider.Id, AcmeBooks.Id]), null);

        var page = RenderInCircuit();

        Assert.NotNull(page.Find("[data-testid=provider-card-konnektive]"));
        Assert.NotNull(page.Find("[data-testid=provider-card-acme-books]"));
        Assert.Empty(page.FindAll("[data-testid=provider-card-connectwise-psa]"));
        var categories = page.Find("[data-testid=category-filter]").TextContent;
        Assert.Contains("Accounting", categories);
        Assert.Contains("E-commerce", categories);
        Assert.DoesNotContain("Ticketing", categories);
    }

    [Fact]
    public void Searching_under_a_session_never_finds_a_provider_it_does_not_allow()
    {
        Context.Start(ExampleSession(allowedProviders: [KonnektiveProvider.Id, AcmeBooks.Id]), null);
        var page = RenderInCircuit();

        page.Find("[data-testid=catalog-search]").Input("ConnectWise");

        Assert.NotNull(page.Find("[data-testid=empty-state]"));
    }

    [Fact]
    public void A_session_that_allows_one_provider_goes_straight_to_its_page()
    {
        Context.Start(ExampleSession(allowedProviders: [KonnektiveProvider.Id]), null);

        RenderInCircuit();

        Assert.Equal("http://localhost/connect/konnektive", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Without_a_session_every_provider_is_offered_when_sessions_are_optional()
    {
        var page = RenderInCircuit();

        Assert.Equal(3, page.FindAll("a.provider-card").Count);
    }

    [Fact]
    public void Without_a_session_the_catalog_refuses_when_sessions_are_required()
    {
        Services.Configure<SessionOptions>(o => o.Required = true);

        var page = RenderInCircuit();

        Assert.Contains(string.Format(SessionStrings.ExpiredNoLink, SessionStrings.DefaultHostName), page.Find("[data-testid=session-expired]").TextContent);
        Assert.Empty(page.FindAll("a.provider-card"));
    }

    /// <summary>A session lives in a circuit: the catalog renders there, interactively.</summary>
    private IRenderedComponent<CatalogPage> RenderInCircuit()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<CatalogPage>();
    }
}
