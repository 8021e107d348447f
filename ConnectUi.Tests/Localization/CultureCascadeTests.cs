using System.Globalization;
using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Localization;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Localization;

/// <summary>The circuit's culture is cascaded from the root (no layout around the page): a switch re-renders the page in it.</summary>
public sealed class CultureCascadeTests : ComponentTestContext
{
    public CultureCascadeTests() => Services.AddSingleton<IConnectionService>(new FakeConnectionService());

    [Fact]
    public async Task A_language_switch_re_renders_a_page_rendered_without_the_layout_keeping_what_was_typed()
    {
        var page = Render<ConnectPage>(p => p.Add(c => c.ProviderId, KonnektiveProvider.Id));
        page.Find("#field-ApiLoginId").Input("acme_api_user");

        await page.InvokeAsync(() => Services.GetRequiredService<ICircuitCulture>().TrySet("de"));

        var german = ConnectStrings.ResourceManager.GetString(nameof(ConnectStrings.HeadingConnect), CultureInfo.GetCultureInfo("de"))!;
        page.WaitForAssertion(() => Assert.Equal(string.Format(german, KonnektiveProvider.Definition.DisplayName), page.Find("h1").TextContent.Trim()));
        Assert.Equal("acme_api_user", page.Find("#field-ApiLoginId").GetAttribute("value"));
    }
}
