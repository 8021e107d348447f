using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using ConnectUi.MudMarkup;
using ConnectUi.Providers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ConnectUi.Features.Connect;

/// <summary>
/// The parts of a guide that never change while it is shown, as HTML written once per guide and shared by every page
/// showing it (<see cref="ProviderDefinition.Guide"/> is one instance per culture). One markup frame costs a circuit a
/// reference where a tree of elements per line cost two render trees of frames, and costs a prerender a copy where the
/// tree had to be built, diffed and encoded on every request.
/// </summary>
public sealed class GuideMarkup
{
    private static readonly ConditionalWeakTable<ProviderGuide, GuideMarkup> Written = new();

    private GuideMarkup(ProviderDefinition provider, ProviderGuide guide, IStringLocalizer<ConnectStrings> loc)
    {
        Introduction = Write(html =>
        {
            html.Append("<h2 id=\"guide-title\" class=\"mud-typography mud-typography-h5 mud-typography-gutterbottom\">")
                .Append(Encode(loc[nameof(ConnectStrings.GuideHeading), provider.DisplayName])).Append("</h2>");
            html.Append("<p class=\"mud-typography mud-typography-body1 mb-2\">").Append(Encode(guide.Summary)).Append("</p>");
        });

        Needs = Write(html =>
        {
            html.Append("<section class=\"guide-section\" aria-labelledby=\"guide-needs\">")
                .Append("<h3 id=\"guide-needs\" class=\"mud-typography mud-typography-h6\">").Append(Encode(loc[nameof(ConnectStrings.WhatYouNeed)])).Append("</h3><ul>");
            foreach (var item in guide.WhatYouNeed)
            {
                html.Append("<li><strong>").Append(Encode(item.Name)).Append("</strong>: ").Append(Encode(item.Explanation)).Append("</li>");
            }

            html.Append("</ul></section>");
            html.Append("<section class=\"guide-section\" aria-labelledby=\"guide-prerequisites\">")
                .Append("<h3 id=\"guide-prerequisites\" class=\"mud-typography mud-typography-h6\">").Append(Encode(loc[nameof(ConnectStrings.BeforeYouStart)])).Append("</h3><ul>");
            foreach (var prerequisite in guide.Prerequisites)
            {
                AppendListItem(html, prerequisite);
            }

            html.Append("</ul></section>");
        });

        Steps = guide.Steps.Select((step, index) => new StepMarkup(
            step,
            Heading: Write(html =>
            {
                var number = index + 1;
                html.Append("<h3 tabindex=\"-1\" data-step-heading=\"\" class=\"mud-typography mud-typography-h6 guide-step__title\">")
                    .Append("<span class=\"guide-step__number\" aria-hidden=\"true\">").Append(number).Append("</span>")
                    .Append("<span>").Append(Encode(loc[nameof(ConnectStrings.StepTitle), number, step.Title])).Append("</span></h3>");
                html.Append("<ol class=\"guide-step__actions\">");
                foreach (var action in step.Actions)
                {
                    AppendListItem(html, action);
                }

                html.Append("</ol>");
            }),
            Pitfalls: step.Pitfalls.Count == 0 ? null : Write(html =>
            {
                html.Append("<aside class=\"guide-step__pitfalls\" aria-label=\"").Append(Encode(loc[nameof(ConnectStrings.WatchOutInStepLabel), index + 1])).Append("\">")
                    .Append("<p class=\"guide-step__pitfalls-title\">").Append(SvgIcon.DecorativeMarkup(Icons.Material.Outlined.WarningAmber, "mud-icon-size-small"))
                    .Append("<strong>").Append(Encode(loc[nameof(ConnectStrings.WatchOut)])).Append("</strong></p><ul>");
                foreach (var pitfall in step.Pitfalls)
                {
                    AppendListItem(html, pitfall);
                }

                html.Append("</ul></aside>");
            }))).ToArray();
    }

    /// <summary>The guide's heading and summary.</summary>
    public MarkupString Introduction { get; }

    /// <summary>"What you need" and "Before you start".</summary>
    public MarkupString Needs { get; }

    /// <summary>Each step's heading and actions, and its warnings, in the guide's order.</summary>
    public IReadOnlyList<StepMarkup> Steps { get; }

    /// <summary>The markup of <paramref name="provider"/>'s guide in the current UI culture, written on first use.</summary>
    public static GuideMarkup For(ProviderDefinition provider, IStringLocalizer<ConnectStrings> loc)
    {
        var guide = provider.Guide;
        return Written.TryGetValue(guide, out var markup) ? markup : Written.GetValue(guide, written => new GuideMarkup(provider, written, loc));
    }

    // Guide text where **bold** marks UI labels and `code` marks values; everything else is plain, encoded text.
    private static void AppendListItem(StringBuilder html, string text)
    {
        html.Append("<li>");
        foreach (var (part, kind) in GuideTextParser.Parse(text))
        {
            _ = kind switch
            {
                GuideTextKind.Strong => html.Append("<strong>").Append(Encode(part)).Append("</strong>"),
                GuideTextKind.Code => html.Append("<code>").Append(Encode(part)).Append("</code>"),
                _ => html.Append(Encode(part)),
            };
        }

        html.Append("</li>");
    }

    // The encoder the static renderer writes text and attribute values with, so the prerendered page reads the same.
    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static MarkupString Write(Action<StringBuilder> write)
    {
        var html = new StringBuilder();
        write(html);
        return new MarkupString(html.ToString());
    }

    /// <summary>One step and its fixed markup; <see cref="Pitfalls"/> is null when the step warns of nothing.</summary>
    public sealed record StepMarkup(GuideStep Step, MarkupString Heading, MarkupString? Pitfalls);
}
