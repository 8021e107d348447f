using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>Replaces the browser's address through a small script module, imported once per circuit that needs it.</summary>
public sealed class BrowserAddressBar(IJSRuntime js) : IAddressBar, IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async ValueTask ReplaceAsync(string uri)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/address-bar.js");
        await _module.InvokeVoidAsync("replace", uri);
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
}
