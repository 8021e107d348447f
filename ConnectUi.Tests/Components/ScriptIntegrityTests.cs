using Bunit;
using ConnectUi.Components;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Tests.Components;

/// <summary>A module script's tag gets the integrity of the fingerprinted file it loads, the same the import map gives.</summary>
public sealed class ScriptIntegrityTests
{
    [Fact]
    public void A_script_s_integrity_is_that_of_its_fingerprinted_file()
    {
        var assets = new ResourceAssetCollection(
        [
            new ResourceAsset("js/a.abc123.js", [new("label", "js/a.js"), new("integrity", "sha256-FINGERPRINTED")]),
            new ResourceAsset("js/a.js", [new("integrity", "sha256-PLAIN")]),
        ]);

        Assert.Equal("js/a.abc123.js", assets["js/a.js"]);
        Assert.Equal("sha256-FINGERPRINTED", ScriptIntegrity.Of(assets, "js/a.js"));
    }

    [Fact]
    public void Without_integrity_in_the_app_s_assets_the_tag_gets_none()
    {
        // A build run in place: fingerprinted URLs, but no integrity property.
        var assets = new ResourceAssetCollection([new ResourceAsset("js/a.abc123.js", [new("label", "js/a.js")])]);

        Assert.Null(ScriptIntegrity.Of(assets, "js/a.js"));
        Assert.Null(ScriptIntegrity.Of(assets, "js/unknown.js"));
    }
}

/// <summary>The tag <see cref="ModuleScript"/> writes: a module, its address, and the attributes it was given.</summary>
public sealed class ModuleScriptTests : BunitContext
{
    [Fact]
    public void A_module_script_names_its_path_once_and_keeps_further_attributes()
    {
        var cut = Render<ModuleScript>(p => p
            .Add(c => c.Path, "js/static-page.js")
            .AddUnmatched("data-host-origins", "https://host.example"));

        var script = cut.Find("script");
        Assert.Equal("module", script.GetAttribute("type"));
        // bUnit's renderer has no fingerprinted assets: the path as given and, like a build run in place, no integrity.
        Assert.Equal("js/static-page.js", script.GetAttribute("src"));
        Assert.False(script.HasAttribute("integrity"));
        Assert.Equal("https://host.example", script.GetAttribute("data-host-origins"));
    }
}
