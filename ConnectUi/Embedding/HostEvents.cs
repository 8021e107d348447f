using ConnectUi.Circuits;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ConnectUi.Embedding;

/// <summary>
/// Posts ConnectUi's events (<c>ready</c>, <c>connected</c>, <c>error</c>, <c>closed</c>) to the window that opened or
/// embeds this page, addressed to the allowed origins only (never <c>*</c>). Events carry ids and outcome names, never a secret.
/// </summary>
public sealed class HostEvents(IJSRuntime js, IOptions<EmbeddingOptions> options) : IHostEvents, IAsyncDisposable
{
    private readonly ScriptModule _module = new(js, "./js/host-window.js");

    // One space-separated string, as the page without a circuit reads it from its script element: a string[] would make
    // System.Text.Json build metadata for the array and its interfaces in every circuit (each has its own options).
    private string Origins => string.Join(' ', options.Value.NormalizedOrigins());

    /// <summary>Posts <c>ready</c> and arranges for <c>closed</c> when the page goes away; once per page load.</summary>
    public ValueTask StartAsync() => _module.InvokeVoidAsync("startHostEvents", Origins);

    /// <summary>Posts <c>connected</c>; false when there is no opener or parent window to tell.</summary>
    public ValueTask<bool> ConnectedAsync(Guid connectionId, string providerId) =>
        _module.InvokeAsync<bool>("postToHost", "connected", new { connectionId, provider = providerId }, Origins);

    /// <summary>Posts <c>error</c> with the outcome's name only; false when there is no opener or parent window.</summary>
    public ValueTask<bool> ErrorAsync(string providerId, string outcome) =>
        _module.InvokeAsync<bool>("postToHost", "error", new { provider = providerId, outcome }, Origins);

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
