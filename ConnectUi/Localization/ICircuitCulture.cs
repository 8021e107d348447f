using System.Globalization;

namespace ConnectUi.Localization;

/// <summary>The language of one circuit (one browser tab), as components read and switch it.</summary>
public interface ICircuitCulture
{
    CultureInfo Current { get; }

    /// <summary>Raised after the language changed; the layout re-renders the page in it.</summary>
    event Action? Changed;

    /// <summary>Switches to a supported culture; returns false (and changes nothing) for any other name.</summary>
    bool TrySet(string? name);

    /// <summary>Makes this circuit's culture the current one of the calling flow.</summary>
    void ApplyToCurrentThread();
}
