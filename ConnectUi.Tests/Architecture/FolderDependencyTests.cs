namespace ConnectUi.Tests.Architecture;

/// <summary>
/// The app's top-level folders (namespaces follow folders) depend on each other one way: features → connections →
/// the providers' contract, sessions beside. A provider's own folder is known to the composition root only.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] ConcreteProviders = ["Konnektive", "ConnectWisePsa"];

    /// <summary>
    /// Pairs that still use each other, to be untangled (issue #11): each names the folder that should stop using the
    /// other. The test fails when one of them is fixed, so the list only shrinks.
    /// </summary>
    private static readonly (string From, string To)[] KnownTangles =
    [
        ("Connections", "Security"),   // Connections → Security.Redaction, but Security.Abuse decorates IConnectionService
        ("Providers", "Security"),     // Providers → Security.Outbound, but Security.Abuse reads the provider contract
        ("HostApi", "Security"),       // HostApi → Security.Abuse, but HostApiRateLimiting partitions by HostApiCaller
        ("Connections", "Sessions"),   // Sessions' ConnectSessionContext holds a SavedConnection
        ("Staff", "Storage"),          // the database's Identity user type is Staff's StaffUser
    ];

    [Fact]
    public void No_two_top_level_folders_use_each_other()
    {
        var tangles = MutualUses(TypeReferences.InApp);
        var known = KnownTangles.Select(Pair).ToHashSet();

        var problems = tangles.Where(t => !known.Contains(t.Key)).SelectMany(t => t.Value).ToArray();
        Assert.True(problems.Length == 0, "Top-level folders that use each other (make one side depend on the other only):"
            + Environment.NewLine + string.Join(Environment.NewLine, problems));
        Assert.Empty(known.Except(tangles.Keys));
    }

    [Fact]
    public void Only_a_providers_own_folder_and_the_composition_root_name_it()
    {
        var problems = TypeReferences.InApp
            .Where(r => TypeReferences.Folders(r.To) is ["ConnectUi", "Providers", var provider, ..] && ConcreteProviders.Contains(provider)
                && !SameProvider(r) && TypeReferences.TopFolder(r.From) is not null && !IsMigration(r.From))
            .Select(r => r.ToString())
            .Distinct()
            .Order()
            .ToArray();

        Assert.True(problems.Length == 0, "Code outside a provider's folder that names the provider (register it in InstalledProviders.cs, "
            + "and reach it through the contract in Providers/):" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Namespaces_follow_folders()
    {
        var problems = TypeReferences.InApp
            .Select(r => (r.From, r.File))
            .Where(t => t.File.StartsWith("ConnectUi/", StringComparison.Ordinal) && !t.File.StartsWith("ConnectUi/obj/", StringComparison.Ordinal)
                && t.From.Namespace is { } ns && !t.From.Name.StartsWith('<'))
            .Where(t => !FolderOf(t.File).Equals(t.From.Namespace, StringComparison.Ordinal)
                && !FolderOf(t.File).StartsWith(t.From.Namespace + ".", StringComparison.Ordinal))
            .Select(t => $"{t.File}: {t.From.FullName}")
            .Distinct()
            .Order()
            .ToArray();

        Assert.True(problems.Length == 0, "Types whose namespace is not their folder:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static string FolderOf(string file) => Path.GetDirectoryName(file)!.Replace('/', '.');

    private static bool SameProvider(TypeReference reference) =>
        TypeReferences.Folders(reference.From) is ["ConnectUi", "Providers", var from, ..] && from == TypeReferences.Folders(reference.To)[2];

    private static bool IsMigration(Type type) => TypeReferences.Folders(type) is ["ConnectUi", "Storage", "Migrations", ..];

    /// <summary>Each pair of top-level folders that use each other, with a few uses each way (file and types).</summary>
    internal static Dictionary<(string, string), string[]> MutualUses(IEnumerable<TypeReference> references)
    {
        var between = references
            .Select(r => (From: TypeReferences.TopFolder(r.From), To: TypeReferences.TopFolder(r.To), Reference: r))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .ToLookup(e => (e.From!, e.To!), e => e.Reference.ToString());
        string[] Uses((string, string) edge) =>
            between[edge].Distinct().Order().Take(5).Select(r => $"{edge.Item1} → {edge.Item2}: {r}").ToArray();

        return between
            .Select(g => g.Key)
            .Where(edge => between.Contains((edge.Item2, edge.Item1)))
            .Select(edge => Pair(edge))
            .Distinct()
            .ToDictionary(pair => pair, pair => Uses(pair).Concat(Uses((pair.Item2, pair.Item1))).ToArray());
    }

    /// <summary>The two folders in name order, so a pair is the same whichever way it is named.</summary>
    private static (string, string) Pair((string From, string To) edge) =>
        string.CompareOrdinal(edge.From, edge.To) < 0 ? (edge.From, edge.To) : (edge.To, edge.From);
}
