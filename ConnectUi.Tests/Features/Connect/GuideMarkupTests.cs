using System.Globalization;
using Bunit;
using ConnectUi.Features.Connect;
using ConnectUi.Providers;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Features.Connect;

/// <summary>The guide is written once per provider and culture and shared as markup: it must still read right.</summary>
public sealed class GuideMarkupTests : ComponentTestContext
{
    [Fact]
    public void The_guide_is_written_once_per_culture_and_each_culture_reads_its_own_language()
    {
        var english = KonnektiveProvider.Definition.Guide;

        var german = InCulture("de", () => KonnektiveProvider.Definition.Guide);

        Assert.Same(english, KonnektiveProvider.Definition.Guide);
        Assert.Same(german, InCulture("de", () => KonnektiveProvider.Definition.Guide));
        Assert.NotEqual(english.Summary, german.Summary);
        Assert.Equal(InCulture("de", () => KonnektiveGuideStrings.Summary), german.Summary);
    }

    [Fact]
    public void A_copy_with_another_writer_reads_its_own_guide()
    {
        var copy = KonnektiveProvider.Definition with { WriteGuide = () => Guide("Another summary") };

        Assert.Equal("Another summary", copy.Guide.Summary);
        Assert.NotEqual("Another summary", KonnektiveProvider.Definition.Guide.Summary);
    }

    [Fact]
    public void Guide_text_is_encoded_and_keeps_its_bold_and_code_runs()
    {
        var provider = KonnektiveProvider.Definition with { WriteGuide = () => Guide("<img src=x onerror=alert(1)> summary") };

        var guide = Render<ProviderGuideView>(p => p.Add(c => c.Provider, provider));

        Assert.Empty(guide.FindAll("article img, article script"));
        Assert.Contains("<img src=x onerror=alert(1)> summary", guide.Find("article > p").TextContent);
        var action = guide.Find("#step-one .guide-step__actions li");
        Assert.Equal("Open", action.QuerySelector("strong")!.TextContent);
        Assert.Equal("a<b", action.QuerySelector("code")!.TextContent);
        Assert.Equal("Open the page a<b & go on", action.TextContent);
        Assert.Contains("<script>", guide.Find("#step-one .guide-step__pitfalls li").TextContent);
        Assert.Equal("step-one", guide.Find("[data-step-heading]").ParentElement!.Id);
    }

    [Fact]
    public void After_a_language_switch_the_guide_renders_in_the_new_language_and_keeps_the_highlighted_step()
    {
        var provider = KonnektiveProvider.Definition;
        var step = provider.Guide.Steps[0].Anchor;
        var guide = Render<ProviderGuideView>(p => p.Add(c => c.Provider, provider).Add(c => c.HighlightedStep, step));
        Assert.Contains(KonnektiveGuideStrings.FindCredentialsTitle, guide.Find($"li#{step}").TextContent);

        InCulture("de", () =>
        {
            guide.Render();

            Assert.Contains(KonnektiveGuideStrings.FindCredentialsTitle, guide.Find($"li#{step}").TextContent);
            Assert.Contains(KonnektiveGuideStrings.Summary, guide.Find("article > p").TextContent);
            Assert.Equal("step", guide.Find($"li#{step}").GetAttribute("aria-current"));
            return 0;
        });
        Assert.NotEqual(InCulture("de", () => KonnektiveGuideStrings.FindCredentialsTitle), KonnektiveGuideStrings.FindCredentialsTitle);
    }

    private static ProviderGuide Guide(string summary) => new()
    {
        Summary = summary,
        WhatYouNeed = [new GuideItem("Key", "the <key>")],
        Prerequisites = ["An account"],
        Steps =
        [
            new GuideStep
            {
                Anchor = "step-one",
                Title = "First",
                Actions = ["**Open** the page `a<b` & go on"],
                Pitfalls = ["Never paste <script>"],
            },
        ],
    };

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
