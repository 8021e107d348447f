using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>
/// Replaces the browser's address through a small script module, imported once per circuit that needs it. Changes that
/// come while one is on its way (a person typing faster than the browser answers) are not sent in a race: the latest
/// address is sent once the one before has been applied, so the address always ends on the last change.
/// </summary>
public sealed partial class BrowserAddressBar(IJSRuntime js, ILogger<BrowserAddressBar> logger) : IAddressBar, IAsyncDisposable
{
    private readonly ScriptModule _module = new(js, "./js/address-bar.js");
    private string? _wanted;
    private Task _sending = Task.CompletedTask;

    // A circuit runs one piece of its code at a time, so these fields need no lock.
    public ValueTask ReplaceAsync(string uri)
    {
        _wanted = uri;
        if (_sending.IsCompleted)
        {
            _sending = SendLatestAsync();
        }

        return new ValueTask(_sending);
    }

    private async Task SendLatestAsync()
    {
        string? sent = null;
        while (_wanted != sent)
        {
            sent = _wanted;
            try
            {
                await _module.InvokeVoidAsync("replace", sent);
            }
            catch (JSException exception)
            {
                // The address is a convenience: a script that failed to load (a dropped connection) leaves it as it was, and
                // the page, which an exception here would end with its circuit, goes on. The next change tries again.
                LogNotReplaced(logger, exception);
                return;
            }
        }
    }

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The browser's address was not updated; the page goes on.")]
    private static partial void LogNotReplaced(ILogger logger, Exception exception);
}
