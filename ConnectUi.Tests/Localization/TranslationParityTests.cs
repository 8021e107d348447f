using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace ConnectUi.Tests.Localization;

/// <summary>
/// Every English text has a translation in every supported culture: same keys, same <c>{0}</c> placeholders, and a
/// translation equal to the English text only where the translator marked it as intentionally identical.
/// </summary>
public sealed partial class TranslationParityTests
{
    public static TheoryData<string, string> FilesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TranslationFiles.EnglishFiles)
        {
            foreach (var culture in TranslationFiles.Translations)
            {
                data.Add(file, culture);
            }
        }

        return data;
    }

    [Fact]
    public void The_tests_see_every_resource_file()
    {
        Assert.Contains(Path.Combine("Features", "Connect", "ConnectStrings.resx"), TranslationFiles.EnglishFiles);
        Assert.True(TranslationFiles.EnglishFiles.Count >= 9, string.Join(", ", TranslationFiles.EnglishFiles));
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void Every_key_has_a_translation_and_nothing_else(string englishFile, string culture)
    {
        var translationFile = TranslationFiles.TranslationOf(englishFile, culture);
        Assert.True(File.Exists(Path.Combine(TranslationFiles.AppFolder, translationFile)), $"{translationFile} is missing.");
        var english = TranslationFiles.Read(englishFile);
        var translated = TranslationFiles.Read(translationFile);

        Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{translationFile} lacks {k}"));
        Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{translationFile} has {k}, which the English file no longer has"));
        Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value.Value)).Select(t => $"{translationFile}: {t.Key} is empty"));
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void Every_translation_has_the_placeholders_of_the_English_text(string englishFile, string culture)
    {
        var translationFile = TranslationFiles.TranslationOf(englishFile, culture);
        var english = TranslationFiles.Read(englishFile);
        var translated = TranslationFiles.Read(translationFile);

        Assert.Empty(
            from pair in english
            where translated.ContainsKey(pair.Key)
            let expected = Placeholders(pair.Value.Value)
            let actual = Placeholders(translated[pair.Key].Value)
            where expected != actual
            select $"{translationFile}: {pair.Key} has {{{actual}}} where English has {{{expected}}}");

        // A broken brace or an index out of range throws here, as it would on the page.
        Assert.All(translated, t => _ = string.Format(CultureInfo.GetCultureInfo(culture), t.Value.Value, Enumerable.Repeat<object>(DateTime.UnixEpoch, 10).ToArray()));
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void No_translation_equals_the_English_text_unless_marked(string englishFile, string culture)
    {
        var translationFile = TranslationFiles.TranslationOf(englishFile, culture);
        var english = TranslationFiles.Read(englishFile);
        var translated = TranslationFiles.Read(translationFile);

        Assert.Empty(
            from pair in translated
            where english.TryGetValue(pair.Key, out var source) && source.Value == pair.Value.Value && !pair.Value.IsMarkedIdentical
            select $"{translationFile}: {pair.Key} is still English (\"{pair.Value.Value}\"); translate it, or mark it \"{TranslationFiles.IdenticalMarker} <why>\"");
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void The_app_finds_each_translation_at_run_time(string englishFile, string culture)
    {
        // The class generated from XStrings.resx names the resource; its ResourceManager reads the satellite assembly.
        var typeName = "ConnectUi." + Path.ChangeExtension(englishFile, null).Replace(Path.DirectorySeparatorChar, '.');
        var resources = (ResourceManager)typeof(Program).Assembly.GetType(typeName, throwOnError: true)!
            .GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var translated = TranslationFiles.Read(TranslationFiles.TranslationOf(englishFile, culture));

        Assert.All(translated, t => Assert.Equal(t.Value.Value, resources.GetString(t.Key, CultureInfo.GetCultureInfo(culture))));
    }

    /// <summary>The placeholder indices a text uses, sorted: "{0} … {1} … {0}" gives "0,1" (a language may name a thing once).</summary>
    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order());

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
