using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>Sets <c>document.title</c> through a small script module, imported once per circuit.</summary>
public sealed class BrowserDocumentTitle(IJSRuntime js) : IDocumentTitle, IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async ValueTask SetAsync(string title)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/document-title.js");
        await _module.InvokeVoidAsync("setTitle", title);
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
