using ConnectUi.Journeys;

namespace ConnectUi.Features.Connect;

/// <summary>Copies a value the page shows (an address, a hostname, a key) to the person's clipboard.</summary>
public interface IClipboard
{
    /// <summary>
    /// Copies <paramref name="value"/>, tells the person it was copied (or that the browser refused), and records the copy on
    /// the page's journey; false when the browser refused.
    /// </summary>
    Task<bool> CopyAsync(string value, VisitJourney? journey);
}
