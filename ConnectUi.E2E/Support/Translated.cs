using System.Globalization;
using System.Reflection;
using System.Resources;

namespace ConnectUi.E2E.Support;

/// <summary>A resource text in a given culture, as the page shows it there (the test process itself runs in English).</summary>
public static class Translated
{
    public static string Of<TStrings>(string key, string culture, params object[] arguments)
    {
        var resources = (ResourceManager)typeof(TStrings).GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        var text = resources.GetString(key, cultureInfo) ?? throw new ArgumentException($"{typeof(TStrings).Name} has no text '{key}'.", nameof(key));
        return arguments.Length == 0 ? text : string.Format(cultureInfo, text, arguments);
    }
}
