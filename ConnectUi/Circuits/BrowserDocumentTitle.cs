using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>Sets <c>document.title</c> through a small script module, imported once per circuit.</summary>
public sealed class BrowserDocumentTitle(IJSRuntime js) : IDocumentTitle, IAsyncDisposable
{
    private readonly ScriptModule _module = new(js, "./js/document-title.js");

    public ValueTask SetAsync(string title) => _module.InvokeVoidAsync("setTitle", title);

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
