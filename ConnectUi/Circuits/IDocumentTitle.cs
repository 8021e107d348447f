namespace ConnectUi.Circuits;

/// <summary>The browser tab's title, as a circuit changes it (the head is static HTML: see <see cref="DocumentTitle"/>).</summary>
public interface IDocumentTitle
{
    ValueTask SetAsync(string title);
}
