using System.Xml.Linq;
using ConnectUi.Localization;

namespace ConnectUi.Tests.Localization;

/// <summary>
/// The .resx files of the source tree, read as the translator edits them (comments included, which the compiled
/// resources drop): each English <c>XStrings.resx</c> and its <c>XStrings.{culture}.resx</c> beside it.
/// </summary>
public static class TranslationFiles
{
    /// <summary>A translator's comment that allows a text equal to the English one (a product term, a word both languages share).</summary>
    public const string IdenticalMarker = "Intentionally identical to English:";

    public static readonly IReadOnlyList<string> Translations = [.. SupportedCultures.Names.Where(n => n != SupportedCultures.Default)];

    public static string AppFolder { get; } = FindAppFolder();

    /// <summary>Every English resource file, relative to the app folder.</summary>
    public static IReadOnlyList<string> EnglishFiles { get; } =
    [
        .. Directory.EnumerateFiles(AppFolder, "*Strings.resx", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileNameWithoutExtension(path).Contains('.'))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => Path.GetRelativePath(AppFolder, path))
            .Order(StringComparer.Ordinal),
    ];

    public static string TranslationOf(string englishFile, string culture) => Path.ChangeExtension(englishFile, $".{culture}.resx");

    public static IReadOnlyDictionary<string, Entry> Read(string relativePath) =>
        XDocument.Load(Path.Combine(AppFolder, relativePath)).Root!.Elements("data")
            .ToDictionary(
                d => (string)d.Attribute("name")!,
                d => new Entry((string?)d.Element("value") ?? string.Empty, (string?)d.Element("comment")),
                StringComparer.Ordinal);

    private static string FindAppFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConnectUi.sln")))
            {
                return Path.Combine(folder.FullName, "ConnectUi");
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: ConnectUi.sln was not found above " + AppContext.BaseDirectory);
    }

    public sealed record Entry(string Value, string? Comment)
    {
        public bool IsMarkedIdentical => Comment?.StartsWith(IdenticalMarker, StringComparison.Ordinal) == true;
    }
}
