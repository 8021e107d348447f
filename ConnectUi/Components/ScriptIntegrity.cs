using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Components;

/// <summary>
/// A module script's integrity for its own <c>&lt;script type="module"&gt;</c> tag. The import map gives each module's
/// integrity too, but Chromium's preload scanner fetches a module named in the page without it, and the parser's fetch,
/// which has it, cannot use that response: each such script was downloaded twice on every first visit
/// (docs/performance.md). With the integrity in the tag both fetches carry it, and one download serves both.
/// </summary>
public static class ScriptIntegrity
{
    // The published app's assets, indexed once per collection (one per app) by their fingerprinted URL.
    private static readonly ConditionalWeakTable<ResourceAssetCollection, FrozenDictionary<string, string>> Indexes = new();

    /// <summary>
    /// The integrity of the asset <paramref name="path"/> names (as <c>Assets[path]</c> resolves it), or null where
    /// the app has none: a build run in place serves fingerprinted files without integrity.
    /// </summary>
    public static string? Of(ResourceAssetCollection assets, string path)
    {
        ArgumentNullException.ThrowIfNull(assets);
        return Indexes.GetValue(assets, Index).GetValueOrDefault(assets[path]);
    }

    private static FrozenDictionary<string, string> Index(ResourceAssetCollection assets)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            if (asset.Properties?.FirstOrDefault(p => p.Name.Equals("integrity", StringComparison.OrdinalIgnoreCase)) is { } integrity)
            {
                index[asset.Url] = integrity.Value;
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
