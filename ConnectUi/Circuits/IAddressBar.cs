namespace ConnectUi.Circuits;

/// <summary>
/// The address the browser shows, as a circuit's page keeps it in step with what the page shows (the catalog's search and
/// filter) without a navigation: the page stays as it is, and a reload, a shared link or the back button finds it again.
/// </summary>
public interface IAddressBar
{
    /// <summary>
    /// Replaces the current history entry's address with <paramref name="uri"/> (same origin), and the language links' way
    /// back with it.
    /// </summary>
    ValueTask ReplaceAsync(string uri);
}
