namespace Platform.AppHost.Telemetry.Model;

/// <summary>One line of the trace list: what started it, where it went, how long it took, whether it failed.</summary>
public sealed record TraceSummary(
    string TraceId, string Name, string RootResource, DateTime Start, TimeSpan Duration,
    IReadOnlyList<string> Resources, int SpanCount, int ErrorCount);

/// <summary>An instrument a resource reports, for the metrics picker.</summary>
public sealed record InstrumentInfo(string Meter, string Instrument, string? Unit, string? Description, MetricKind Kind);

/// <summary>A chart's line: values at points in time (a rate, a level or a percentile).</summary>
public sealed record ChartSeries(string Name, string? Unit, IReadOnlyList<ChartPoint> Points);

public sealed record ChartPoint(DateTime Time, double Value);
