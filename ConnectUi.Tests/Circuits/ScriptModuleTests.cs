using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.JSInterop;

namespace ConnectUi.Tests.Circuits;

/// <summary>A script module as circuits' services and components use it: imported once, retried after a failed import, released once.</summary>
public sealed class ScriptModuleTests
{
    [Fact]
    public async Task Calls_made_while_the_module_loads_share_one_import()
    {
        var browser = new ScriptedBrowser();
        var module = new ScriptModule(browser, "./js/example.js");

        var first = module.InvokeVoidAsync("one", "a").AsTask();
        var second = module.InvokeAsync<string>("two", "b").AsTask();
        browser.Imports[0].SetResult(browser.Module);
        await first;

        Assert.Equal("two(b)", await second);
        Assert.Single(browser.Imports);
        Assert.Equal("./js/example.js", browser.ImportedPaths.Single());
        // Both waited for the one import; which resumes first is the synchronization context's business.
        Assert.Equal(["one(a)", "two(b)"], browser.Module.Calls.Order());
    }

    [Fact]
    public async Task A_failed_import_fails_its_call_and_the_next_call_imports_again()
    {
        var browser = new ScriptedBrowser();
        var module = new ScriptModule(browser, "./js/example.js");

        var failed = module.InvokeVoidAsync("one").AsTask();
        browser.Imports[0].SetException(new JSException("Failed to fetch dynamically imported module"));
        await Assert.ThrowsAsync<JSException>(() => failed);
        var retried = module.InvokeVoidAsync("two").AsTask();
        browser.Imports[1].SetResult(browser.Module);
        await retried;

        Assert.Equal(2, browser.Imports.Count);
        Assert.Equal(["two()"], browser.Module.Calls);
    }

    [Fact]
    public async Task Disposing_releases_an_imported_module_once_and_later_calls_are_refused()
    {
        var browser = new ScriptedBrowser();
        var module = await ImportedAsync(browser);

        await module.DisposeAsync();

        Assert.Equal(1, browser.Module.Disposals);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => module.InvokeVoidAsync("two").AsTask());
        Assert.Single(browser.Imports);
    }

    [Fact]
    public async Task Disposing_an_unused_module_imports_nothing()
    {
        var browser = new ScriptedBrowser();

        await new ScriptModule(browser, "./js/example.js").DisposeAsync();

        Assert.Empty(browser.Imports);
    }

    public static TheoryData<Exception> ReleaseFailures => new()
    {
        new JSDisconnectedException("The circuit is gone."),
        // JS interop's own timeout: a tab that closed before the server noticed never answers.
        new TaskCanceledException(),
    };

    [Theory]
    [MemberData(nameof(ReleaseFailures))]
    public async Task A_release_the_browser_cannot_answer_is_no_error(Exception failure)
    {
        var browser = new ScriptedBrowser { Module = { DisposeFailure = failure } };
        var module = await ImportedAsync(browser);

        await module.DisposeAsync();

        Assert.Equal(1, browser.Module.Disposals);
    }

    [Fact]
    public async Task A_call_into_a_page_that_has_gone_does_nothing_and_a_question_to_it_fails()
    {
        var browser = new ScriptedBrowser();
        var module = new ScriptModule(browser, "./js/example.js");
        var call = module.InvokeVoidAsync("focusById", "page-heading").AsTask();
        var question = module.InvokeAsync<string>("browserContext").AsTask();

        browser.Imports[0].SetException(new JSDisconnectedException("The circuit has disconnected and is being disposed."));

        await call;
        await Assert.ThrowsAsync<JSDisconnectedException>(() => question);
    }

    /// <summary>A module the browser has imported, through one call.</summary>
    private static async Task<ScriptModule> ImportedAsync(ScriptedBrowser browser)
    {
        var module = new ScriptModule(browser, "./js/example.js");
        var call = module.InvokeVoidAsync("one").AsTask();
        browser.Imports[0].SetResult(browser.Module);
        await call;
        return module;
    }
}
