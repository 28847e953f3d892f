namespace Platform.AppHost.Telemetry.Model;

/// <summary>
/// One data point of one instrument for one set of attributes (a series), as exported. Sums and
/// gauges carry <see cref="Value"/>; histograms carry count, sum and bucket counts.
/// </summary>
public sealed record MetricPoint
{
    public required string Resource { get; init; }
    public required string Meter { get; init; }
    public required string Instrument { get; init; }
    public string? Unit { get; init; }
    public string? Description { get; init; }
    public required MetricKind Kind { get; init; }
    /// <summary>The exporter sends totals since start (cumulative) or what happened since the last export (delta).</summary>
    public bool IsDelta { get; init; }
    public required DateTime Time { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];
    public double Value { get; init; }
    public ulong Count { get; init; }
    public double Sum { get; init; }
    public IReadOnlyList<ulong> BucketCounts { get; init; } = [];
    public IReadOnlyList<double> Bounds { get; init; } = [];

    /// <summary>Identifies the series: the attributes in a stable order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SeriesKey => string.Join(',', Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
}

/// <summary>Gauge: a value now. Counter: a monotonic sum (charted as a rate). UpDownCounter: a sum that goes both ways. Histogram: a distribution.</summary>
public enum MetricKind { Gauge, Counter, UpDownCounter, Histogram }
