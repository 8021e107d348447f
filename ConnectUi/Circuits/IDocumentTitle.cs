namespace ConnectUi.Circuits;

/// <summary>The browser tab's title, as a circuit changes it (the head is static HTML: see <see cref="DocumentTitle"/>).</summary>
public interface IDocumentTitle
{
    /// <summary>Sets the tab's title; in a tab that has gone it does nothing.</summary>
    ValueTask SetAsync(string title);
}
