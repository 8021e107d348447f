namespace ConnectUi.Tests.Architecture;

/// <summary>
/// The app's top-level folders (namespaces follow folders) depend on each other one way: features → connections →
/// the providers' contract, sessions beside, with no cycle of any length. A provider's own folder is known to the
/// composition root only.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] ConcreteProviders = ["Konnektive", "ConnectWisePsa"];

    [Fact]
    public void Top_level_folders_use_each_other_one_way_only()
    {
        var cycles = Cycles(TypeReferences.InApp);

        Assert.True(cycles.Count == 0, "Top-level folders that use each other, directly or round a cycle (make one use of each cycle go the "
            + "other way):" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, cycles));
    }

    [Fact]
    public void A_cycle_of_any_length_is_found_and_shown_with_its_uses()
    {
        TypeReference Use(Type from, Type to) => new(from, to, "test.cs");
        var references = new[]
        {
            Use(typeof(ConnectUi.Connections.IConnectionService), typeof(ConnectUi.Providers.ProviderDefinition)),
            Use(typeof(ConnectUi.Providers.ProviderDefinition), typeof(ConnectUi.Sessions.ConnectSession)),
            Use(typeof(ConnectUi.Sessions.ConnectSession), typeof(ConnectUi.Connections.IConnectionService)),
            Use(typeof(ConnectUi.Staff.StaffArea), typeof(ConnectUi.Storage.ConnectUiDbContext)),
        };

        var cycle = Assert.Single(Cycles(references));

        Assert.StartsWith("Connections → Providers → Sessions → Connections", cycle, StringComparison.Ordinal);
        Assert.Contains("ConnectUi.Sessions.ConnectSession uses ConnectUi.Connections.IConnectionService", cycle, StringComparison.Ordinal);
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

    /// <summary>
    /// One cycle for each group of top-level folders that reach each other (a strongly connected component), as
    /// "A → B → A" followed by a few uses along each step.
    /// </summary>
    private static List<string> Cycles(IEnumerable<TypeReference> references)
    {
        var uses = references
            .Select(r => (From: TypeReferences.TopFolder(r.From), To: TypeReferences.TopFolder(r.To), Reference: r))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .ToLookup(e => (e.From!, e.To!), e => e.Reference.ToString());
        var next = uses.Select(g => g.Key).ToLookup(edge => edge.Item1, edge => edge.Item2);
        var folders = next.Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();

        HashSet<string> Reachable(string start)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>([start]);
            while (pending.TryPop(out var folder))
            {
                foreach (var target in next[folder].Where(seen.Add))
                {
                    pending.Push(target);
                }
            }

            return seen;
        }

        var reach = folders.ToDictionary(f => f, Reachable);
        var reported = new HashSet<string>();
        var cycles = new List<string>();
        foreach (var start in folders.Where(f => reach[f].Contains(f) && !reported.Contains(f)))
        {
            var path = ShortestPathBack(start, next);
            reported.UnionWith(folders.Where(f => reach[start].Contains(f) && reach[f].Contains(start)));
            var steps = path.Zip(path.Skip(1), (from, to) => (from, to));
            cycles.Add(string.Join(" → ", path) + Environment.NewLine + string.Join(Environment.NewLine,
                steps.SelectMany(step => uses[step].Distinct().Order().Take(3).Select(use => $"  {step.from} → {step.to}: {use}"))));
        }

        return cycles;
    }

    /// <summary>The shortest round trip from <paramref name="start"/> back to itself, breadth first: [start, …, start].</summary>
    private static List<string> ShortestPathBack(string start, ILookup<string, string> next)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var folder))
        {
            foreach (var target in next[folder].Order(StringComparer.Ordinal))
            {
                if (target == start)
                {
                    var path = new List<string> { start, folder };
                    while (path[^1] != start)
                    {
                        path.Add(cameFrom[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(target, folder))
                {
                    queue.Enqueue(target);
                }
            }
        }

        throw new InvalidOperationException($"{start} is on no cycle.");
    }
}
