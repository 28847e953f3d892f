namespace Platform.AppHost.Telemetry.Store;

/// <summary>
/// How much telemetry the dashboard keeps, per resource, in memory and in its archive. Older records
/// make room for newer ones, so a chatty service (or a flood) cannot grow the AppHost without bound.
/// </summary>
public sealed record TelemetryLimits
{
    public int MaxSpansPerResource { get; init; } = 10_000;
    public int MaxLogsPerResource { get; init; } = 10_000;
    /// <summary>Points kept per series: an hour at the services' 5-second export interval.</summary>
    public int MaxPointsPerSeries { get; init; } = 720;
    public int MaxSeriesPerResource { get; init; } = 1_000;
    /// <summary>Service names beyond this many are not recorded (counted as dropped).</summary>
    public int MaxResources { get; init; } = 64;
}
