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
    public async Task A_failed_replacement_leaves_the_address_the_page_goes_on_and_the_next_change_is_sent()
    {
        var script = JSInterop.SetupModule("./js/address-bar.js");
        script.SetupVoid("replace", "http://localhost/?q=a").SetException(new JSException("Failed to fetch dynamically imported module"));
        script.SetupVoid("replace", "http://localhost/?q=ab").SetVoidResult();
        var address = Services.GetRequiredService<IAddressBar>();

        await address.ReplaceAsync("http://localhost/?q=a");
        await address.ReplaceAsync("http://localhost/?q=ab");

        Assert.Equal(["http://localhost/?q=a", "http://localhost/?q=ab"], script.Invocations["replace"].Select(i => (string)i.Arguments[0]!));
        Assert.Single(JSInterop.Invocations["import"]);
    }

    [Fact]
    public async Task Changes_made_while_the_script_loads_end_on_the_last_one()
    {
        var browser = new ScriptedBrowser();
        var address = new BrowserAddressBar(browser, Microsoft.Extensions.Logging.Abstractions.NullLogger<BrowserAddressBar>.Instance);

        // Three keys before the browser has loaded the script: the first waits for it, the others for the first.
        var first = address.ReplaceAsync("http://localhost/?q=c").AsTask();
        var second = address.ReplaceAsync("http://localhost/?q=co").AsTask();
        var third = address.ReplaceAsync("http://localhost/?q=con").AsTask();
        Assert.Single(browser.Imports).SetResult(browser.Module);
        await Task.WhenAll(first, second, third);

        Assert.Single(browser.Imports);
        Assert.Equal(["replace(http://localhost/?q=c)", "replace(http://localhost/?q=con)"], browser.Module.Calls);
    }
}
