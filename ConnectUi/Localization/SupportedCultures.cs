using System.Globalization;

namespace ConnectUi.Localization;

/// <summary>The languages ConnectUi speaks; English is the neutral <c>.resx</c> and the last fallback.</summary>
public static class SupportedCultures
{
    public const string Default = "en";

    /// <summary>Culture names in picker order, each with its name in its own language.</summary>
    public static IReadOnlyList<SupportedCulture> All { get; } =
    [
        new("en", "English"),
        new("de", "Deutsch"),
        new("fr", "Français"),
        new("es", "Español"),
        new("ja", "日本語"),
        new("pt-BR", "Português (Brasil)"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name)];

    /// <summary>The supported culture of that exact name, in its canonical spelling (<c>pt-br</c> gives <c>pt-BR</c>).</summary>
    public static string? Find(string? name) =>
        name is null ? null : Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The supported culture closest to a language a browser asks for: the exact culture, else its language
    /// (<c>de-AT</c> gives <c>de</c>), else another culture of the same language (<c>pt-PT</c> gives <c>pt-BR</c>).
    /// </summary>
    public static string? Closest(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (Find(name) is { } exact)
        {
            return exact;
        }

        var language = name.Split('-', 2)[0];
        return Find(language)
            ?? Names.FirstOrDefault(n => n.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
    }

    public static CultureInfo Culture(string name) => CultureInfo.GetCultureInfo(name);
}

/// <param name="NativeName">How the picker names the language, in that language.</param>
public sealed record SupportedCulture(string Name, string NativeName);
