using Bunit;
using ConnectUi.Components;
using ConnectUi.Features.Catalog;
using ConnectUi.Features.Connect;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Tests.Components;

/// <summary>
/// Where the keyboard focus goes when a page changes: a circuit's first page leaves it to two elements the browser acts
/// on (the heading, unless the person chose a field: js/focus-heading.js, tested by the journeys); every later page
/// moves it to the heading. JSInterop is strict here, so any other script call fails the test.
/// </summary>
public sealed class FocusOnPageChangeTests : BunitContext
{
    private static RouteData Route<TPage>() => new(typeof(TPage), new Dictionary<string, object?>());

    private IRenderedComponent<FocusOnPageChange> RenderOn<TPage>() =>
        Render<FocusOnPageChange>(p => p.Add(c => c.RouteData, Route<TPage>()).Add(c => c.Selector, "h1"));

    [Fact]
    public void A_circuits_first_page_calls_no_script_and_leaves_the_heading_to_its_elements()
    {
        var cut = RenderOn<ConnectPage>();
        // The same page again, as when the router re-renders for a new query string.
        cut.Render(p => p.Add(c => c.RouteData, Route<ConnectPage>()));

        Assert.Empty(JSInterop.Invocations);
        Assert.Equal("h1", cut.Find("blazor-focus-on-navigate").GetAttribute("selector"));
        Assert.Equal("h1", cut.Find("connectui-focus-heading").GetAttribute("selector"));
    }

    [Fact]
    public void Moving_to_another_page_focuses_its_heading_and_so_does_moving_back()
    {
        var cut = RenderOn<CatalogPage>();

        cut.Render(p => p.Add(c => c.RouteData, Route<ConnectPage>()));
        Assert.Equal("h1", JSInterop.VerifyFocusOnNavigateInvoke().Arguments[0]);

        cut.Render(p => p.Add(c => c.RouteData, Route<ConnectPage>()));
        JSInterop.VerifyFocusOnNavigateInvoke(calledTimes: 1);

        cut.Render(p => p.Add(c => c.RouteData, Route<CatalogPage>()));
        JSInterop.VerifyFocusOnNavigateInvoke(calledTimes: 2);
        Assert.Empty(cut.FindAll("connectui-focus-heading"));
    }
}
