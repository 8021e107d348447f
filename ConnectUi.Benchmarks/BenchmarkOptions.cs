namespace ConnectUi.Benchmarks;

/// <summary>How many repetitions each measurement makes; <c>--quick</c> is for trying the benchmark out, not for figures.</summary>
public sealed record BenchmarkOptions
{
    public required bool Quick { get; init; }

    /// <summary>Sections to run (1-5); empty runs all.</summary>
    public required IReadOnlySet<int> Sections { get; init; }

    /// <summary>Output of <c>dotnet publish ConnectUi -c Release</c> (<c>--published DIR</c>), for sections 1 and 2.</summary>
    public required string PublishedApp { get; init; }

    public int PageLoads => Quick ? 1 : 5;

    public int WrkRuns => Quick ? 1 : 3;

    public int WrkSeconds => Quick ? 2 : 5;

    public IReadOnlyList<int> CircuitSteps => Quick ? [10, 50] : [50, 200, 1000];

    public int CircuitRamps => Quick ? 1 : 3;

    public int FieldChanges => Quick ? 6 : 30;

    public int Submits => Quick ? 4 : 20;

    public int InProcessConnects => Quick ? 20 : 200;

    public int SequentialCalls => Quick ? 20 : 200;

    public int BatchRuns => Quick ? 2 : 5;

    public static BenchmarkOptions Parse(string[] args)
    {
        var sections = new HashSet<int>();
        var published = Path.Combine("artifacts", "bench", "app");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--published" && i + 1 < args.Length)
            {
                published = args[++i];
            }

            if (args[i] == "--only" && i + 1 < args.Length)
            {
                foreach (var part in args[++i].Split(','))
                {
                    sections.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return new BenchmarkOptions { Quick = args.Contains("--quick"), Sections = sections, PublishedApp = Path.GetFullPath(published) };
    }

    public bool Runs(int section) => Sections.Count == 0 || Sections.Contains(section);
}
