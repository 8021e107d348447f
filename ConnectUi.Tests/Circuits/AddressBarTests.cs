using Bunit;
using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ConnectUi.Tests.Circuits;

/// <summary>The address a circuit's page keeps in step: replaced by its script, and never the end of the page when that fails.</summary>
public sealed class AddressBarTests : ComponentTestContext
{
    [Fact]
    public async Task A_failed_script_leaves_the_address_the_page_goes_on_and_the_next_change_loads_it_again()
    {
        var script = JSInterop.SetupModule("./js/address-bar.js");
        script.SetupVoid("replace", "http://localhost/?q=a").SetException(new JSException("Failed to fetch dynamically imported module"));
        script.SetupVoid("replace", "http://localhost/?q=ab").SetVoidResult();
        var address = Services.GetRequiredService<IAddressBar>();

        await address.ReplaceAsync("http://localhost/?q=a");
        await address.ReplaceAsync("http://localhost/?q=ab");

        Assert.Equal(["http://localhost/?q=a", "http://localhost/?q=ab"], script.Invocations["replace"].Select(i => (string)i.Arguments[0]!));
        Assert.Equal(2, JSInterop.Invocations["import"].Count);
    }
}
