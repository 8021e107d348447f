using Bunit;
using ConnectUi.Branding;
using ConnectUi.Components.Layout;
using ConnectUi.Sessions;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Features.Session.SessionExamples;

namespace ConnectUi.Tests.Branding;

public sealed class BrandedLayoutTests : ComponentTestContext
{
    private const string Logo = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=";

    [Fact]
    public void Without_a_brand_the_app_bar_shows_ConnectUi()
    {
        var layout = RenderLayout();

        Assert.Equal("ConnectUi", layout.Find("[data-testid=brand]").TextContent.Trim());
        Assert.Equal("favicon.svg", layout.Find("[data-testid=brand-logo]").GetAttribute("src"));
        Assert.Equal("ConnectUi logo", layout.Find("[data-testid=brand-logo]").GetAttribute("alt"));
        Assert.Empty(layout.FindAll("[data-testid=brand-stylesheet]"));
    }

    [Fact]
    public void A_sessions_brand_replaces_the_installations_name_logo_and_colours()
    {
        Services.GetRequiredService<ConnectSessionContext>().Start(
            ExampleSession() with { Branding = new SessionBranding("Acme Books", Logo, "#6a1b9a", "#ce93d8") }, null);

        var layout = RenderLayout();

        Assert.Equal("Acme Books", layout.Find("[data-testid=brand]").TextContent.Trim());
        Assert.Equal(Logo, layout.Find("[data-testid=brand-logo]").GetAttribute("src"));
        Assert.Equal("Acme Books logo", layout.Find("[data-testid=brand-logo]").GetAttribute("alt"));
        Assert.Equal("theme-primary/6a1b9a-ce93d8.css", layout.Find("[data-testid=brand-stylesheet]").GetAttribute("href"));
        Assert.Contains("Acme Books", layout.Find("[data-testid=brand]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Page_titles_end_with_the_installations_product_name_without_a_session()
    {
        Assert.Equal("Connect Konnektive CRM · ConnectUi", RenderedTitle("Connect Konnektive CRM"));
    }

    [Fact]
    public void Page_titles_end_with_the_sessions_product_name()
    {
        Services.GetRequiredService<ConnectSessionContext>().Start(
            ExampleSession() with { Branding = new SessionBranding("Acme Books", Logo, "#6a1b9a", "#ce93d8") }, null);

        Assert.Equal("Connect Konnektive CRM · Acme Books", RenderedTitle("Connect Konnektive CRM"));
    }

    // In a circuit the title is set on the document (the head is static HTML): what the title script was given.
    private string RenderedTitle(string title)
    {
        var script = JSInterop.SetupModule("./js/document-title.js");
        Render<BrandedPageTitle>(p => p.Add(c => c.Title, title));
        return (string)script.VerifyInvoke("setTitle").Arguments[0]!;
    }

    // Statically rendered: the layout's host events start only in an interactive circuit.
    private IRenderedComponent<MainLayout> RenderLayout()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        return Render<MainLayout>(p => p.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
    }
}
