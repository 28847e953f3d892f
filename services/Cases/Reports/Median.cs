namespace Platform.Cases.Reports;

public static class Median
{
    /// <summary>The median to two decimals; null for no values.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 2);
    }
}
