namespace ConnectUi.Providers;

/// <summary>The registered providers, and the catalog's search over them; pages depend on this, tests may fake it.</summary>
public interface IProviderCatalog
{
    IReadOnlyList<ProviderDefinition> All { get; }

    IReadOnlyList<string> Categories { get; }

    ProviderDefinition? Find(string? id);

    /// <summary>Providers whose name, alias, category or description contains every word of the query.</summary>
    IReadOnlyList<ProviderDefinition> Search(string? query, string? category = null, IReadOnlyCollection<string>? allowedIds = null);
}
