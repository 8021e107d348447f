using System.Text.RegularExpressions;
using ConnectUi.Tests.Localization;

namespace ConnectUi.Tests.Components;

/// <summary>
/// App.razor links no MudBlazor.min.js (14.8 KiB of every first visit): the MudBlazor components the app renders never
/// call it. A component that does (a text field, tooltip, menu, select, dialog, popover...) would fail in the browser
/// with "mud... is not defined", so adding one must bring the script back.
/// </summary>
public sealed partial class MudBlazorScriptTests
{
    // Read in MudBlazor's source: none of these calls IJSRuntime or a MudBlazor JS service.
    private static readonly HashSet<string> WithoutScript =
    [
        "MudAlert", "MudButton", "MudContainer", "MudIcon", "MudLink", "MudPaper", "MudProgressCircular", "MudSnackbarProvider", "MudText",
    ];

    [Fact]
    public void Every_MudBlazor_component_the_app_renders_works_without_MudBlazors_script()
    {
        var used = Directory.EnumerateFiles(TranslationFiles.AppFolder, "*.razor", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(path => MudTag().Matches(File.ReadAllText(path)).Select(match => (File: Path.GetFileName(path), Tag: match.Groups[1].Value)))
            .ToArray();

        Assert.NotEmpty(used);
        Assert.All(used, use => Assert.True(
            WithoutScript.Contains(use.Tag),
            $"{use.File} renders {use.Tag}, which may call MudBlazor's script: check its source and link lib/mudblazor/MudBlazor.min.js from App.razor again if it does."));
    }

    [GeneratedRegex("<(Mud[A-Z][A-Za-z]*)")]
    private static partial Regex MudTag();
}
