namespace ConnectUi.Embedding;

/// <summary>ConnectUi's events to the host window that opened or embeds the page (see <see cref="HostEvents"/>).</summary>
public interface IHostEvents
{
    /// <summary>Posts <c>ready</c> and arranges for <c>closed</c> when the page goes away; once per page load.</summary>
    ValueTask StartAsync();

    /// <summary>Posts <c>connected</c>; false when there is no opener or parent window to tell.</summary>
    ValueTask<bool> ConnectedAsync(Guid connectionId, string providerId);

    /// <summary>Posts <c>error</c> with the outcome's name only; false when there is no opener or parent window.</summary>
    ValueTask<bool> ErrorAsync(string providerId, string outcome);
}
