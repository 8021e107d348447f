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
        var browser = new SlowBrowser();
        var address = new BrowserAddressBar(browser, Microsoft.Extensions.Logging.Abstractions.NullLogger<BrowserAddressBar>.Instance);

        // Three keys before the browser has loaded the script: the first waits for it, the others for the first.
        var first = address.ReplaceAsync("http://localhost/?q=c").AsTask();
        var second = address.ReplaceAsync("http://localhost/?q=co").AsTask();
        var third = address.ReplaceAsync("http://localhost/?q=con").AsTask();
        browser.ScriptLoaded.SetResult(browser.Script);
        await Task.WhenAll(first, second, third);

        Assert.Equal(1, browser.Imports);
        Assert.Equal(["http://localhost/?q=c", "http://localhost/?q=con"], browser.Script.Replaced);
    }

    /// <summary>A browser whose script loads when the test says so.</summary>
    private sealed class SlowBrowser : IJSRuntime
    {
        public TaskCompletionSource<IJSObjectReference> ScriptLoaded { get; } = new();

        public RecordingScript Script { get; } = new();

        public int Imports { get; private set; }

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Assert.Equal("import", identifier);
            Imports++;
            return (TValue)await ScriptLoaded.Task;
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    private sealed class RecordingScript : IJSObjectReference
    {
        public List<string> Replaced { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Assert.Equal("replace", identifier);
            Replaced.Add((string)args![0]!);
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
