namespace ConnectUi.Benchmarks.Reporting;

/// <summary>Order statistics over repeated runs: nearest-rank percentiles, so every figure is one that was measured.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    public static double P95(IEnumerable<double> values) => Percentile(values, 95);

    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
