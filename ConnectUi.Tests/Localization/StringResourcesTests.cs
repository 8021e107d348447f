using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Localization;

/// <summary>
/// The generated <c>*Strings</c> classes against their .resx: every key the code can name (a generated property) has a
/// text the localizer finds under the type's name, so no <c>Loc[nameof(XStrings.Key)]</c> shows a bare key.
/// </summary>
public sealed partial class StringResourcesTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    private static readonly IStringLocalizerFactory Factory =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    /// <summary>Every class generated from a .resx: it exposes the resource manager the generator writes.</summary>
    private static IEnumerable<Type> StringsClasses() =>
        App.GetTypes().Where(t => t.GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(ResourceManager));

    public static TheoryData<string> StringsClassNames => [.. StringsClasses().Select(t => t.FullName!)];

    [Fact]
    public void Every_embedded_string_resource_has_its_generated_class_under_the_same_name()
    {
        var resources = App.GetManifestResourceNames()
            .Where(n => n.EndsWith("Strings.resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(resources, StringsClasses().Select(t => t.FullName!).Order(StringComparer.Ordinal));
        Assert.Contains("ConnectUi.Features.Connect.ConnectStrings", resources);
    }

    [Theory]
    [MemberData(nameof(StringsClassNames))]
    public void Every_key_of_the_class_is_found_by_the_localizer_with_a_text(string className)
    {
        var type = App.GetType(className, throwOnError: true)!;
        var localizer = Factory.Create(type);
        var texts = ResourceText.All(type);
        Assert.NotEmpty(texts);

        Assert.All(texts, text =>
        {
            var found = localizer[text.Key];
            Assert.False(found.ResourceNotFound, $"{type.Name}.{text.Key} is not found by IStringLocalizer<{type.Name}>.");
            Assert.Equal(text.Value, found.Value);
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{type.Name}.{text.Key} is empty.");
        });
    }

    [Theory]
    [MemberData(nameof(StringsClassNames))]
    public void Every_text_is_a_well_formed_format_string(string className)
    {
        Assert.All(ResourceText.All(App.GetType(className, throwOnError: true)!), text =>
        {
            // As many arguments as the highest placeholder asks for: a broken brace or index throws FormatException.
            var arguments = Placeholder().Matches(text.Value).Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();
            _ = string.Format(text.Value, Enumerable.Repeat<object>("x", arguments).ToArray());
        });
    }

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();
}
