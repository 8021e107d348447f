using Bunit;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Connect;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using ConnectUi.Tests.Support;
using ConnectUi.Tests.ThirdProvider.Tallybook;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.ThirdProvider;

/// <summary>
/// The proof of the provider seam: Tallybook lives in one folder of this test project, and the one line below makes it
/// appear in the catalog with its logo, guide, form rules and sandbox banner, with no change anywhere in ConnectUi.
/// </summary>
public sealed class ThirdProviderPageTests : ComponentTestContext
{
    public ThirdProviderPageTests()
    {
        Services.AddProvider(TallybookProvider.Registration, new ConfigurationBuilder().Build());
        Services.AddSingleton<ConnectUi.Connections.IConnectionService>(new FakeConnectionService());
    }

    [Fact]
    public void The_catalog_shows_it_beside_the_built_in_providers_and_finds_it_by_category()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Render<CatalogPage>();

        var card = page.Find($"[data-testid=provider-card-{TallybookProvider.Id}]");
        Assert.Contains("Tallybook", card.TextContent);
        Assert.Contains("Accounting", card.TextContent);
        Assert.Equal($"providers/{TallybookProvider.Id}.svg", card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(3, page.FindAll("a.provider-card").Count);

        page.Find("[data-testid=catalog-search]").Input("accounting");

        Assert.Equal([$"connect/{TallybookProvider.Id}"], page.FindAll("a.provider-card").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Its_page_shows_its_guide_and_fields()
    {
        var page = RenderPage();

        for (var i = 0; i < TallybookProvider.Definition.Guide.Steps.Count; i++)
        {
            var step = TallybookProvider.Definition.Guide.Steps[i];
            Assert.Contains(string.Format(ConnectStrings.StepTitle, i + 1, step.Title), page.Find($"li#{step.Anchor}").TextContent);
        }

        Assert.Equal(TallybookTexts.TokenLabel, page.Find("label[for='field-PrivateAppToken']").TextContent.Trim());
        Assert.Equal("password", page.Find("#field-PrivateAppToken").GetAttribute("type"));
    }

    [Fact]
    public void Its_rules_validate_as_the_person_types()
    {
        var page = RenderPage();

        page.Find("#field-PrivateAppToken").Input("tbk_short");
        page.Find("#field-PrivateAppToken").Blur();
        page.Find("#field-AccountId").Input("123456");
        page.Find("#field-AccountId").Blur();

        Assert.Equal(TallybookTexts.TokenFormat, page.Find("#field-PrivateAppToken-error").TextContent.Trim());
        Assert.Equal(TallybookTexts.AccountIdFormat, page.Find("#field-AccountId-error").TextContent.Trim());
    }

    [Fact]
    public void In_sandbox_mode_its_banner_lists_its_scenarios_and_fills_them_in()
    {
        Services.Configure<SandboxOptions>(o => o.Enabled = true);
        var page = RenderPage();

        var banner = page.Find("[data-testid=sandbox-banner]");
        foreach (var scenario in TallybookSandbox.Scenarios)
        {
            Assert.Contains(scenario.Description, banner.TextContent);
        }

        Assert.Equal(TallybookSandbox.Scenarios.Count, banner.QuerySelectorAll("tbody tr").Length);
        var revoked = TallybookSandbox.Scenarios.Single(s => s.Outcome == TallybookOutcomes.TokenRevoked);
        page.Find($"[aria-label='{string.Format(ConnectStrings.SandboxFillInLabel, revoked.Description)}']").Click();

        Assert.Equal(TallybookSandbox.RevokedToken, page.Find("#field-PrivateAppToken").GetAttribute("value"));
        Assert.Equal(TallybookSandbox.AccountId, page.Find("#field-AccountId").GetAttribute("value"));
    }

    private IRenderedComponent<ConnectPage> RenderPage() =>
        Render<ConnectPage>(p => p.Add(c => c.ProviderId, TallybookProvider.Id));
}
