using System.Globalization;
using System.Text;

namespace ConnectUi.Benchmarks.Reporting;

/// <summary>A Markdown table printed to the console, so a run's output pastes straight into docs/performance.md.</summary>
public sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public List<string> Notes { get; } = [];

    public Table Add(params object[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public void Print()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine().AppendLine("### " + title).AppendLine();
        text.AppendLine(Line(headers, widths));
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (i == 0 ? "-" : ":"))) + "|");
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row, widths));
        }

        foreach (var note in Notes)
        {
            text.AppendLine().AppendLine(note);
        }

        Console.Write(text.ToString());
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |";

    private static string Format(object cell) => cell switch
    {
        double d when double.IsNaN(d) => "n/a",
        double d when Math.Abs(d) >= 100 => d.ToString("N0", CultureInfo.InvariantCulture),
        double d when Math.Abs(d) >= 10 => d.ToString("N1", CultureInfo.InvariantCulture),
        double d => d.ToString("N2", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string Kb(double bytes) => (bytes / 1024).ToString("N1", CultureInfo.InvariantCulture);
}
