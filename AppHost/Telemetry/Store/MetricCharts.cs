using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Telemetry.Store;

/// <summary>
/// What a chart shows of an instrument, summed over its series (attribute sets): counters as a rate per
/// second, gauges and up-down counters as their level, histograms as p50/p95/p99 and a rate of events.
/// Points of one export share a timestamp; they are lined up to the second.
/// </summary>
public static class MetricCharts
{
    public static IReadOnlyList<ChartSeries> Chart(InstrumentInfo instrument, IReadOnlyList<IReadOnlyList<MetricPoint>> series) =>
        instrument.Kind switch
        {
            MetricKind.Counter => [new ChartSeries("per second", PerSecond(instrument.Unit), Sum(series.Select(Rate)))],
            MetricKind.Histogram => Histogram(instrument, series),
            _ => [new ChartSeries("value", instrument.Unit, Sum(series.Select(s => s.Select(p => new ChartPoint(Second(p.Time), p.Value)))))],
        };

    private static IReadOnlyList<ChartSeries> Histogram(InstrumentInfo instrument, IReadOnlyList<IReadOnlyList<MetricPoint>> series)
    {
        // Per interval: the buckets' growth in every series, added up, then percentiles of that.
        var intervals = series.SelectMany(Intervals)
            .GroupBy(i => i.Time)
            .OrderBy(g => g.Key)
            .Select(g => (Time: g.Key, Seconds: g.Max(i => i.Seconds), Bounds: g.First().Bounds,
                          Buckets: g.Aggregate(new double[g.First().Buckets.Length], (sum, i) => Add(sum, i.Buckets))))
            .ToList();
        IReadOnlyList<ChartSeries> charts =
        [
            .. new[] { 0.50, 0.95, 0.99 }.Select(q => new ChartSeries($"p{q * 100:0}", instrument.Unit,
                intervals.Where(i => i.Buckets.Sum() > 0).Select(i => new ChartPoint(i.Time, Percentile(i.Buckets, i.Bounds, q))).ToList())),
            new ChartSeries("per second", "{count}/s", intervals.Select(i => new ChartPoint(i.Time, i.Buckets.Sum() / i.Seconds)).ToList()),
        ];
        return charts;
    }

    private static IEnumerable<(DateTime Time, double Seconds, IReadOnlyList<double> Bounds, double[] Buckets)> Intervals(IReadOnlyList<MetricPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var (previous, current) = (points[i - 1], points[i]);
            var seconds = Math.Max((current.Time - previous.Time).TotalSeconds, 0.001);
            if (current.BucketCounts.Count != previous.BucketCounts.Count && !current.IsDelta) continue;
            var buckets = current.BucketCounts.Select((count, b) => current.IsDelta ? count : Math.Max(0, (double)count - previous.BucketCounts[b])).ToArray();
            yield return (Second(current.Time), seconds, current.Bounds, buckets);
        }
    }

    private static double[] Add(double[] sum, double[] more)
    {
        for (var i = 0; i < Math.Min(sum.Length, more.Length); i++) sum[i] += more[i];
        return sum;
    }

    /// <summary>Linear interpolation inside the bucket that holds the q-th event.</summary>
    public static double Percentile(IReadOnlyList<double> buckets, IReadOnlyList<double> bounds, double q)
    {
        var total = buckets.Sum();
        if (total <= 0 || bounds.Count == 0) return 0;
        var rank = q * total;
        double seen = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (seen + buckets[i] >= rank && buckets[i] > 0)
            {
                var lower = i == 0 ? 0 : bounds[Math.Min(i - 1, bounds.Count - 1)];
                var upper = i < bounds.Count ? bounds[i] : bounds[^1];
                return lower + (upper - lower) * ((rank - seen) / buckets[i]);
            }
            seen += buckets[i];
        }
        return bounds[^1];
    }

    private static IEnumerable<ChartPoint> Rate(IReadOnlyList<MetricPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var (previous, current) = (points[i - 1], points[i]);
            var seconds = Math.Max((current.Time - previous.Time).TotalSeconds, 0.001);
            // A cumulative counter that went down was restarted: its value is what happened since.
            var increase = current.IsDelta ? current.Value : current.Value >= previous.Value ? current.Value - previous.Value : current.Value;
            yield return new ChartPoint(Second(current.Time), increase / seconds);
        }
    }

    private static IReadOnlyList<ChartPoint> Sum(IEnumerable<IEnumerable<ChartPoint>> series) =>
        series.SelectMany(s => s).GroupBy(p => p.Time).OrderBy(g => g.Key).Select(g => new ChartPoint(g.Key, g.Sum(p => p.Value))).ToList();

    private static DateTime Second(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static string PerSecond(string? unit) => string.IsNullOrEmpty(unit) ? "/s" : $"{unit}/s";
}
