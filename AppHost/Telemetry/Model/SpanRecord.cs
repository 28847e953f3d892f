namespace Platform.AppHost.Telemetry.Model;

/// <summary>One span as the dashboard keeps it: ids in lowercase hex, times in UTC, attributes as text.</summary>
public sealed record SpanRecord
{
    public required string Resource { get; init; }
    public required string TraceId { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string Name { get; init; }
    /// <summary>Internal, Server, Client, Producer or Consumer.</summary>
    public required string Kind { get; init; }
    public required DateTime Start { get; init; }
    public required DateTime End { get; init; }
    /// <summary>Unset, Ok or Error.</summary>
    public string Status { get; init; } = "Unset";
    public string? StatusMessage { get; init; }
    /// <summary>The instrumentation that made it (ActivitySource name).</summary>
    public string? Scope { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];
    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration => End - Start;
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsError => Status == "Error";
}

public sealed record SpanEventRecord(DateTime Time, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes);
