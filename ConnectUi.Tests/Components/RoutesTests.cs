using System.Reflection;
using ConnectUi.Components;
using ConnectUi.Features.SupportConsole;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Tests.Components;

/// <summary>Which route view a page gets: the authorizing one for staff pages, a plain one for the pages customers see.</summary>
public sealed class RoutesTests
{
    private static IEnumerable<Type> Pages() =>
        typeof(Program).Assembly.GetTypes().Where(type => type.GetCustomAttributes<RouteAttribute>().Any());

    [Fact]
    public void Every_support_console_page_but_the_sign_in_goes_through_the_authorizing_route_view()
    {
        var staffPages = Pages().Where(page => page.Namespace == typeof(SupportLoginPage).Namespace).ToList();

        Assert.NotEmpty(staffPages);
        Assert.All(staffPages.Where(page => page != typeof(SupportLoginPage)), page => Assert.True(Routes.RequiresAuthorization(page), page.Name));
        Assert.False(Routes.RequiresAuthorization(typeof(SupportLoginPage)));
    }

    [Fact]
    public void The_pages_customers_see_render_without_authorization()
    {
        var customerPages = Pages().Where(page => page.Namespace != typeof(SupportLoginPage).Namespace).ToList();

        Assert.Contains(typeof(ConnectUi.Features.Connect.ConnectPage), customerPages);
        Assert.Contains(typeof(ConnectUi.Features.Catalog.CatalogPage), customerPages);
        Assert.All(customerPages, page => Assert.False(Routes.RequiresAuthorization(page), page.Name));
    }
}
