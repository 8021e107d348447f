using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>
/// One of the app's script modules as a circuit's service or component uses it: imported on the first call, once even
/// when calls overlap while the import is on its way, and released with its owner, which disposes it from its own
/// disposal. An import that failed (a connection dropped meanwhile) is tried again on the next call; a call after
/// disposal throws <see cref="ObjectDisposedException"/>, as a released module's would.
/// </summary>
/// <param name="js">The circuit's JS runtime.</param>
/// <param name="path">The module's address, relative to the app's base (<c>./js/address-bar.js</c>).</param>
public sealed class ScriptModule(IJSRuntime js, string path) : IAsyncDisposable
{
    // A circuit runs one piece of its code at a time, so these fields need no lock.
    private Task<IJSObjectReference>? _import;
    private bool _disposed;

    /// <summary>
    /// Calls one of the module's exported functions. Into a page that has gone (the tab closed while the circuit was still
    /// at work) it does nothing: whatever it would have done there matters to nobody, and the exception, thrown from a
    /// component's after-render, would end the circuit with an error in the log.
    /// </summary>
    public async ValueTask InvokeVoidAsync(string identifier, params object?[]? args)
    {
        try
        {
            await (await ImportAsync()).InvokeVoidAsync(identifier, args);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is going; so is the page the call was for.
        }
    }

    /// <summary>Calls one of the module's exported functions and reads what it returns; a gone page has no answer, so it throws.</summary>
    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, params object?[]? args) =>
        await (await ImportAsync()).InvokeAsync<TValue>(identifier, args);

    private Task<IJSObjectReference> ImportAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_import is null || _import.IsFaulted || _import.IsCanceled)
        {
            _import = js.InvokeAsync<IJSObjectReference>("import", path).AsTask();
        }

        return _import;
    }

    /// <summary>
    /// Releases the module if it was imported. An import still on its way is not waited for: the circuit is usually
    /// going, and the module goes with it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_import is { IsCompletedSuccessfully: true } import)
        {
            try
            {
                await import.Result.DisposeAsync();
            }
            catch (Exception exception) when (exception is JSDisconnectedException or OperationCanceledException)
            {
                // The circuit is gone, or its browser stopped answering (the release timed out, as calls into a tab that
                // closed before the server noticed do): either way the module goes with the page. Thrown from here, it
                // would end the circuit with an error.
            }
        }
    }
}
