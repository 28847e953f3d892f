namespace Platform.AppHost.Telemetry.Model;

/// <summary>One structured log record, linked to its trace when it was written inside one.</summary>
public sealed record LogEntry
{
    public required string Resource { get; init; }
    public required DateTime Timestamp { get; init; }
    /// <summary>Trace, Debug, Information, Warning, Error or Critical (from the OTLP severity number).</summary>
    public required string Level { get; init; }
    public required string Message { get; init; }
    /// <summary>The logger's category (the OTLP instrumentation scope).</summary>
    public string? Category { get; init; }
    public string? TraceId { get; init; }
    public string? SpanId { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];
}

public static class LogLevels
{
    public static readonly string[] All = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static int Rank(string level) => Array.IndexOf(All, level);

    /// <summary>OTLP severity numbers come in fours per level (1-4 trace ... 21-24 fatal).</summary>
    public static string FromSeverityNumber(int number) => number switch
    {
        <= 0 => "Information",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };
}
