using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>Replaces the browser's address through a small script module, imported once per circuit that needs it.</summary>
public sealed partial class BrowserAddressBar(IJSRuntime js, ILogger<BrowserAddressBar> logger) : IAddressBar, IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async ValueTask ReplaceAsync(string uri)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/address-bar.js");
            await _module.InvokeVoidAsync("replace", uri);
        }
        catch (JSException exception)
        {
            // The address is a convenience: a script that failed to load (a dropped connection) leaves it as it was, and
            // the page, which an exception here would end with its circuit, goes on. The next change tries again.
            _module = null;
            LogNotReplaced(logger, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The browser's address was not updated; the page goes on.")]
    private static partial void LogNotReplaced(ILogger logger, Exception exception);
}
