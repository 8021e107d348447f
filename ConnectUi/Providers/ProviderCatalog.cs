using System.Globalization;

namespace ConnectUi.Providers;

/// <summary>The registered providers, and the catalog's search over them.</summary>
public sealed class ProviderCatalog(IEnumerable<ProviderDefinition> providers) : IProviderCatalog
{
    private readonly IReadOnlyList<ProviderDefinition> _providers =
        providers.DistinctBy(p => p.Id).OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ToArray();

    public IReadOnlyList<ProviderDefinition> All => _providers;

    public IReadOnlyList<string> Categories { get; } =
        providers.SelectMany(p => p.Categories).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();

    public ProviderDefinition? Find(string? id) =>
        id is null ? null : _providers.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Providers whose name, alias, category or description contains every word of the query, in the page's language
    /// or English category ids; case and accents do not matter ("electronico" finds "electrónico").
    /// </summary>
    public IReadOnlyList<ProviderDefinition> Search(string? query, string? category = null, IReadOnlyCollection<string>? allowedIds = null)
    {
        var words = (query ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return _providers
            .Where(p => allowedIds is null || allowedIds.Contains(p.Id, StringComparer.OrdinalIgnoreCase))
            .Where(p => string.IsNullOrEmpty(category) || p.Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
            .Where(p => words.All(word => Matches(p, word)))
            .ToArray();
    }

    private static bool Matches(ProviderDefinition provider, string word) =>
        Contains(provider.DisplayName, word)
        || provider.Aliases.Any(a => Contains(a, word))
        || provider.Categories.Any(c => Contains(c, word) || Contains(ProviderCategories.DisplayName(c), word))
        || Contains(provider.Description(), word);

    private static bool Contains(string text, string word) =>
        CultureInfo.CurrentCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
