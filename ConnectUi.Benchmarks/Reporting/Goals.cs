namespace ConnectUi.Benchmarks.Reporting;

/// <summary>Figures next to the goals they are measured against (issue 17), with the ratio, printed after the section's tables.</summary>
public sealed class Goals(string title)
{
    private readonly Table _table = new(title, "Goal", "Measured", "Limit", "Ratio", "Met");

    /// <summary>A figure that must stay at or below its limit.</summary>
    public Goals AtMost(string goal, double measured, double limit, string unit) => Add(goal, measured, limit, unit, measured <= limit, measured / limit);

    /// <summary>A figure that must reach at least its limit.</summary>
    public Goals AtLeast(string goal, double measured, double limit, string unit) => Add(goal, measured, limit, unit, measured >= limit, measured / limit);

    public Goals Note(string note)
    {
        _table.Notes.Add(note);
        return this;
    }

    public void Print() => _table.Print();

    private Goals Add(string goal, double measured, double limit, string unit, bool met, double ratio)
    {
        _table.Add(goal, $"{Format(measured)} {unit}", $"{Format(limit)} {unit}", ratio.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), met ? "yes" : "**no**");
        return this;
    }

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("N1", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
    };
}
