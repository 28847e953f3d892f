using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Telemetry.Store;

/// <summary>
/// The spans of every trace, and the traces in order of their first span's start, so "the newest 100
/// traces" walks from the newest end and stops, instead of summarising every trace in the store.
/// Not thread-safe: <see cref="TelemetryStore"/> holds its lock around every call.
/// </summary>
internal sealed class TraceIndex
{
    private readonly Dictionary<string, Trace> _traces = new(StringComparer.Ordinal);
    private readonly SortedSet<(DateTime Start, string TraceId)> _byStart = [];

    public void Add(SpanRecord span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace))
        {
            _traces[span.TraceId] = trace = new Trace(span.Start);
            _byStart.Add((trace.Start, span.TraceId));
        }
        else if (span.Start < trace.Start) Reposition(span.TraceId, trace, span.Start);
        trace.Spans.Add(span);
    }

    public void Remove(SpanRecord span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace)) return;
        trace.Spans.Remove(span);
        if (trace.Spans.Count == 0)
        {
            _byStart.Remove((trace.Start, span.TraceId));
            _traces.Remove(span.TraceId);
        }
        else if (span.Start == trace.Start) Reposition(span.TraceId, trace, trace.Spans.Min(s => s.Start));
    }

    public IReadOnlyList<SpanRecord>? Spans(string traceId) => _traces.TryGetValue(traceId, out var trace) ? trace.Spans : null;

    /// <summary>Traces, newest first.</summary>
    public IEnumerable<IReadOnlyList<SpanRecord>> NewestFirst()
    {
        foreach (var (_, traceId) in _byStart.Reverse()) yield return _traces[traceId].Spans;
    }

    private void Reposition(string traceId, Trace trace, DateTime start)
    {
        _byStart.Remove((trace.Start, traceId));
        trace.Start = start;
        _byStart.Add((start, traceId));
    }

    private sealed class Trace(DateTime start)
    {
        public DateTime Start { get; set; } = start;
        public List<SpanRecord> Spans { get; } = [];
    }
}
