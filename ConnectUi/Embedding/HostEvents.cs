using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ConnectUi.Embedding;

/// <summary>
/// Posts ConnectUi's events (<c>ready</c>, <c>connected</c>, <c>error</c>, <c>closed</c>) to the window that opened or
/// embeds this page, addressed to the allowed origins only (never <c>*</c>). Events carry ids and outcome names, never a secret.
/// </summary>
public sealed class HostEvents(IJSRuntime js, IOptions<EmbeddingOptions> options) : IHostEvents, IAsyncDisposable
{
    private IJSObjectReference? _module;

    // One space-separated string, as the page without a circuit reads it from its script element: a string[] would make
    // System.Text.Json build metadata for the array and its interfaces in every circuit (each has its own options).
    private string Origins => string.Join(' ', options.Value.NormalizedOrigins());

    /// <summary>Posts <c>ready</c> and arranges for <c>closed</c> when the page goes away; once per page load.</summary>
    public async ValueTask StartAsync() => await (await ModuleAsync()).InvokeVoidAsync("startHostEvents", Origins);

    /// <summary>Posts <c>connected</c>; false when there is no opener or parent window to tell.</summary>
    public async ValueTask<bool> ConnectedAsync(Guid connectionId, string providerId) =>
        await (await ModuleAsync()).InvokeAsync<bool>("postToHost", "connected", new { connectionId, provider = providerId }, Origins);

    /// <summary>Posts <c>error</c> with the outcome's name only; false when there is no opener or parent window.</summary>
    public async ValueTask<bool> ErrorAsync(string providerId, string outcome) =>
        await (await ModuleAsync()).InvokeAsync<bool>("postToHost", "error", new { provider = providerId, outcome }, Origins);

    private async ValueTask<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/host-window.js");

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
