using Bunit;
using ConnectUi.MudMarkup;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ConnectUi.Tests.MudMarkup;

/// <summary>
/// The markup the pages write instead of MudBlazor components must stay what those components render, so the trimmed
/// stylesheet and MudBlazor's own rules keep styling it: a MudBlazor upgrade that changes a class fails here first.
/// </summary>
public sealed class MudMarkupTests : ComponentTestContext
{
    public static TheoryData<Variant, Size> ButtonsInUse => new()
    {
        { Variant.Filled, Size.Large },
        { Variant.Filled, Size.Small },
        { Variant.Outlined, Size.Small },
        { Variant.Outlined, Size.Medium },
    };

    [Theory]
    [MemberData(nameof(ButtonsInUse))]
    public void Primary_button_classes_are_MudButtons(Variant variant, Size size)
    {
        var button = Render<MudButton>(p => p.Add(b => b.Variant, variant).Add(b => b.Color, Color.Primary).Add(b => b.Size, size)
            .Add(b => b.DropShadow, true).AddChildContent("Go"));

        Assert.Subset(Classes(button.Find("button").ClassName), Classes(ButtonClasses.Primary(variant, size)));
    }

    [Fact]
    public void Icon_button_classes_are_MudIconButtons()
    {
        var medium = Render<MudIconButton>(p => p.Add(b => b.Icon, Icons.Material.Filled.Visibility));
        var small = Render<MudIconButton>(p => p.Add(b => b.Icon, Icons.Material.Filled.Visibility).Add(b => b.Size, Size.Small));

        Assert.Subset(Classes(medium.Find("button").ClassName), Classes(ButtonClasses.Icon));
        Assert.Subset(Classes(small.Find("button").ClassName), Classes(ButtonClasses.SmallIcon));
    }

    [Fact]
    public void A_decorative_icon_is_MudIcons_svg()
    {
        var mudIcon = Render<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Outlined.Science).Add(i => i.Size, Size.Small));
        var ours = Render(SvgIcon.Decorative(Icons.Material.Outlined.Science, "mud-icon-size-small"));

        var (theirs, mine) = (mudIcon.Find("svg"), ours.Find("svg"));
        Assert.Equal(Classes(theirs.ClassName), Classes(mine.ClassName));
        foreach (var attribute in new[] { "viewBox", "focusable", "aria-hidden" })
        {
            Assert.Equal(theirs.GetAttribute(attribute), mine.GetAttribute(attribute));
        }

        Assert.Equal(theirs.InnerHtml, mine.InnerHtml);
    }

    private static HashSet<string> Classes(string? classes) =>
        (classes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
