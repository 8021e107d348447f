using System.Globalization;
using ConnectUi.Abuse;
using ConnectUi.Localization;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi.Tests.Localization;

/// <summary>Guides, descriptions, categories and durations are written in the culture of the reader, not once in English.</summary>
public sealed class LocalizedContentTests
{
    public static TheoryData<string> Translations => [.. TranslationFiles.Translations];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Sandbox_scenario_names_are_read_in_the_current_culture(string culture)
    {
        foreach (var provider in new[] { KonnektiveProvider.Definition, ConnectWisePsaProvider.Definition })
        {
            var english = InCulture(CultureInfo.InvariantCulture, () => provider.Sandbox.Scenarios.Select(s => s.Description).ToArray());
            var translated = InCulture(CultureInfo.GetCultureInfo(culture), () => provider.Sandbox.Scenarios.Select(s => s.Description).ToArray());

            Assert.All(english.Zip(translated), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.Equal(translated.Length, translated.Distinct().Count());
        }

        // The reported address is filled in, whatever the language.
        Assert.Contains(KonnektiveSandbox.ReportedIp, InCulture(CultureInfo.GetCultureInfo(culture), () => KonnektiveSandbox.Scenarios[3].Description));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_guide_is_written_in_the_current_culture_each_time_it_is_read(string culture)
    {
        var english = InCulture(CultureInfo.InvariantCulture, () => KonnektiveProvider.Definition.Guide);
        var translated = InCulture(CultureInfo.GetCultureInfo(culture), () => KonnektiveProvider.Definition.Guide);

        Assert.Equal(KonnektiveGuideStrings.ResourceManager.GetString(nameof(KonnektiveGuideStrings.FindCredentialsTitle), CultureInfo.GetCultureInfo(culture)), translated.Steps[0].Title);
        Assert.NotEqual(english.Summary, translated.Summary);
        Assert.Equal(english.Steps.Select(s => s.Anchor), translated.Steps.Select(s => s.Anchor));
        Assert.Equal(english.Steps.Select(s => s.Actions.Count), translated.Steps.Select(s => s.Actions.Count));
        Assert.All(translated.Steps.SelectMany(s => s.Actions.Concat(s.Pitfalls)), text => Assert.False(string.IsNullOrWhiteSpace(text)));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void What_you_need_names_the_fields_by_their_translated_labels(string culture)
    {
        var guide = InCulture(CultureInfo.GetCultureInfo(culture), () => ConnectWisePsaProvider.Definition.Guide);
        var labels = InCulture(CultureInfo.GetCultureInfo(culture), () => ConnectWisePsaProvider.Definition.Fields.Select(f => f.Label()).ToArray());

        Assert.Equal(labels, guide.WhatYouNeed.Select(item => item.Name));
    }

    [Fact]
    public void Descriptions_and_categories_follow_the_culture_and_search_finds_either_language()
    {
        var catalog = new ProviderCatalog([KonnektiveProvider.Definition, ConnectWisePsaProvider.Definition]);

        InCulture(CultureInfo.GetCultureInfo("es"), () =>
        {
            Assert.Equal("Comercio electrónico", ProviderCategories.DisplayName(ProviderCategories.ECommerce));
            Assert.StartsWith("CRM de comercio electrónico", KonnektiveProvider.Definition.Description());
            Assert.Equal([KonnektiveProvider.Id], catalog.Search("electronico").Select(p => p.Id));
            Assert.Equal([KonnektiveProvider.Id], catalog.Search("E-commerce").Select(p => p.Id));
            return 0;
        });
        Assert.Equal("Unknown", ProviderCategories.DisplayName("Unknown"));
    }

    [Theory]
    [InlineData("en", 59, "Too many attempts. Try again in 59 seconds.")]
    [InlineData("en", 90, "Too many attempts. Try again in 1 minute, 30 seconds.")]
    [InlineData("de", 59, "Zu viele Versuche. Versuchen Sie es in 59 Sekunden erneut.")]
    [InlineData("ja", 120, "試行回数が多すぎます。2 分後にもう一度お試しください。")]
    [InlineData("pt-BR", 1, "Muitas tentativas. Tente novamente em 1 segundo.")]
    public void The_wait_is_written_out_by_Humanizer_in_the_culture(string culture, int seconds, string expected) =>
        Assert.Equal(expected, InCulture(CultureInfo.GetCultureInfo(culture), () => RateLimitedConnectionService.Message(TimeSpan.FromSeconds(seconds))));

    [Fact]
    public void Supported_cultures_match_browser_languages_by_language()
    {
        Assert.Equal("pt-BR", SupportedCultures.Closest("pt"));
        Assert.Equal("de", SupportedCultures.Closest("de-AT"));
        Assert.Equal("ja", SupportedCultures.Closest("JA-jp"));
        Assert.Null(SupportedCultures.Closest("nl-BE"));
        Assert.Null(SupportedCultures.Find("de-DE"));
        Assert.Equal("pt-BR", SupportedCultures.Find("PT-br"));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
