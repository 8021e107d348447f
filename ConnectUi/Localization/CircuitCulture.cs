using System.Globalization;

namespace ConnectUi.Localization;

/// <summary>
/// The language of one circuit (one browser tab). It starts as the request's culture (session locale, picker cookie,
/// browser language, English) and changes when a connect session names a locale or the person picks a language,
/// without reloading the page, so nothing typed is lost.
/// </summary>
public sealed class CircuitCulture : ICircuitCulture
{
    private CultureInfo _culture = CultureInfo.CurrentUICulture;

    public CultureInfo Current => _culture;

    /// <summary>Raised after the language changed; the layout re-renders the page in it.</summary>
    public event Action? Changed;

    /// <summary>Switches to a supported culture; returns false (and changes nothing) for any other name.</summary>
    public bool TrySet(string? name)
    {
        if (SupportedCultures.Find(name) is not { } supported)
        {
            return false;
        }

        var culture = SupportedCultures.Culture(supported);
        Apply(culture);
        if (!culture.Equals(_culture))
        {
            _culture = culture;
            Changed?.Invoke();
        }

        return true;
    }

    /// <summary>Makes this circuit's culture the current one of the calling flow (each inbound circuit activity).</summary>
    public void ApplyToCurrentThread() => Apply(_culture);

    private static void Apply(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
