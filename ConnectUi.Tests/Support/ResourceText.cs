using System.Reflection;

namespace ConnectUi.Tests.Support;

/// <summary>
/// Reads the properties of a generated resource class. Attributes such as <c>InlineData</c> need constants, so theory
/// cases carry <c>nameof</c> keys and the test looks up the same value the UI shows.
/// </summary>
public static class ResourceText
{
    public static string Of<TStrings>(string key) =>
        All(typeof(TStrings)).TryGetValue(key, out var text)
            ? text
            : throw new ArgumentException($"{typeof(TStrings).Name} has no text '{key}'.", nameof(key));

    /// <summary>Every text of the class by key, read through its generated properties.</summary>
    public static IReadOnlyDictionary<string, string> All(Type strings) =>
        strings.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(string))
            .ToDictionary(p => p.Name, p => (string)p.GetValue(null)!, StringComparer.Ordinal);
}
