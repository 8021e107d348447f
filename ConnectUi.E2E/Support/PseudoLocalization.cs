using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace ConnectUi.E2E.Support;

/// <summary>
/// A pseudo-language used only by tests: every resource text is accented, lengthened by 40% and wrapped in
/// ［ ］, so text a page shows without brackets did not come from a resource, and layouts meet longer text.
/// The app never ships it: the tests add it to the app they start.
/// </summary>
public static partial class PseudoLocalization
{
    public const string CultureName = "qps-ploc";

    public const char Open = '［';
    public const char Close = '］';

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(CultureName);

    private static readonly Dictionary<char, char> Accents = new()
    {
        ['a'] = 'á', ['b'] = 'ƀ', ['c'] = 'ç', ['d'] = 'ð', ['e'] = 'é', ['f'] = 'ƒ', ['g'] = 'ĝ', ['h'] = 'ĥ', ['i'] = 'í',
        ['j'] = 'ĵ', ['k'] = 'ķ', ['l'] = 'ĺ', ['m'] = 'ɱ', ['n'] = 'ñ', ['o'] = 'ó', ['p'] = 'þ', ['q'] = 'ǫ', ['r'] = 'ŕ',
        ['s'] = 'š', ['t'] = 'ţ', ['u'] = 'ú', ['v'] = 'ṽ', ['w'] = 'ŵ', ['x'] = 'ẋ', ['y'] = 'ý', ['z'] = 'ž',
        ['A'] = 'Á', ['B'] = 'Ɓ', ['C'] = 'Ç', ['D'] = 'Ð', ['E'] = 'É', ['F'] = 'Ƒ', ['G'] = 'Ĝ', ['H'] = 'Ĥ', ['I'] = 'Í',
        ['J'] = 'Ĵ', ['K'] = 'Ķ', ['L'] = 'Ĺ', ['M'] = 'Ṁ', ['N'] = 'Ñ', ['O'] = 'Ó', ['P'] = 'Þ', ['Q'] = 'Ǫ', ['R'] = 'Ŕ',
        ['S'] = 'Š', ['T'] = 'Ţ', ['U'] = 'Ú', ['V'] = 'Ṽ', ['W'] = 'Ŵ', ['X'] = 'Ẋ', ['Y'] = 'Ý', ['Z'] = 'Ž',
    };

    public static bool IsCurrent => Is(CultureInfo.CurrentUICulture);

    // ICU may spell the name of a culture it does not know in its own case ("qps-PLOC").
    private static bool Is(CultureInfo culture) => string.Equals(culture.Name, CultureName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The pseudo form of an English text: letters accented, placeholders (<c>{0:d MMMM}</c>) and the guide's
    /// <c>`code`</c> kept as they are, 40% longer, wrapped. The value a placeholder receives is wrapped by its own resource.
    /// </summary>
    public static string Transform(string english)
    {
        var builder = new StringBuilder(english.Length * 2).Append(Open);
        var position = 0;
        foreach (Match kept in KeptAsIs().Matches(english))
        {
            Accent(builder, english.AsSpan(position, kept.Index - position));
            builder.Append(kept.Value);
            position = kept.Index + kept.Length;
        }

        Accent(builder, english.AsSpan(position));

        // Longer, in short words, as German or French make it: the line must still wrap.
        var padding = (int)Math.Ceiling(english.Length * 0.4);
        for (var i = 0; i < padding; i++)
        {
            builder.Append(i % 5 == 0 ? ' ' : '·');
        }

        return builder.Append(Close).ToString();
    }

    private static void Accent(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            builder.Append(Accents.TryGetValue(c, out var accented) ? accented : c);
        }
    }

    /// <summary>
    /// Makes every generated <c>XStrings</c> class answer pseudo texts in the pseudo culture (the validators and
    /// services read them directly); every other culture reads the real resources. Process-wide and idempotent.
    /// </summary>
    public static void InstallInGeneratedResourceClasses()
    {
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            var property = type.GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.Static);
            var field = type.GetField("resourceMan", BindingFlags.NonPublic | BindingFlags.Static);
            if (property?.PropertyType != typeof(ResourceManager) || field is null)
            {
                continue;
            }

            if (property.GetValue(null) is ResourceManager real and not PseudoResourceManager)
            {
                field.SetValue(null, new PseudoResourceManager(real));
            }
        }
    }

    /// <summary>Strips every ［…］ (nested too) from a text, leaving what did not come from a resource.</summary>
    public static string WithoutResourceText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == Open)
            {
                depth++;
            }
            else if (c == Close && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Words (two letters or more) left once resource text is stripped: English the page shows from code.</summary>
    public static IReadOnlyList<string> StrayWords(string text) =>
        [.. Word().Matches(WithoutResourceText(text)).Select(m => m.Value)];

    // Placeholders, and code spans, which are values to type (hostnames, paths) rather than words.
    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}|`[^`]*`")]
    private static partial Regex KeptAsIs();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    private sealed class PseudoResourceManager(ResourceManager real) : ResourceManager
    {
        public override string? GetString(string name, CultureInfo? culture) =>
            Is(culture ?? CultureInfo.CurrentUICulture) && real.GetString(name, CultureInfo.InvariantCulture) is { } english
                ? Transform(english)
                : real.GetString(name, culture);

        public override string? GetString(string name) => GetString(name, null);
    }

    /// <summary>The app's <see cref="IStringLocalizerFactory"/>, answering pseudo texts in the pseudo culture.</summary>
    public sealed class LocalizerFactory(IStringLocalizerFactory real) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Localizer(real.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new Localizer(real.Create(baseName, location));

        private sealed class Localizer(IStringLocalizer real) : IStringLocalizer
        {
            public LocalizedString this[string name] => IsCurrent ? Pseudo(real[name]) : real[name];

            public LocalizedString this[string name, params object[] arguments] =>
                IsCurrent
                    ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, Pseudo(real[name]).Value, arguments), real[name].ResourceNotFound)
                    : real[name, arguments];

            public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
                real.GetAllStrings(includeParentCultures).Select(s => IsCurrent ? Pseudo(s) : s);

            // In the pseudo culture the real localizer falls back to the English neutral resources.
            private static LocalizedString Pseudo(LocalizedString english) =>
                english.ResourceNotFound ? english : new LocalizedString(english.Name, Transform(english.Value), false, english.SearchedLocation);
        }
    }
}
