using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Telemetry.Store;

/// <summary>
/// Everything the OTLP receiver has accepted, per resource, in bounded memory (see <see cref="TelemetryLimits"/>),
/// with a trace index across resources. What it accepts it also hands to the archive, and it is
/// refilled from the archive when the AppHost starts, so telemetry survives a restart.
/// One lock guards it all: writes come in batches every second or so, reads from a few dashboard pages.
/// </summary>
public sealed class TelemetryStore(TelemetryLimits limits, TelemetryArchive? archive = null)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ResourceTelemetry> _resources = new(StringComparer.Ordinal);
    private readonly TraceIndex _traces = new();
    private long _dropped;

    public TelemetryLimits Limits => limits;

    /// <summary>Records not kept because <see cref="TelemetryLimits.MaxResources"/> or the series limit was reached.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(IEnumerable<SpanRecord> spans) => AddSpans(spans, archived: false);
    public void Add(IEnumerable<LogEntry> logs) => AddLogs(logs, archived: false);
    public void Add(IEnumerable<MetricPoint> points) => AddPoints(points, archived: false);

    /// <summary>Refills memory from the archive (nothing is written back).</summary>
    public void Restore(TelemetryArchive from)
    {
        AddSpans(from.ReadSpans(limits.MaxSpansPerResource), archived: true);
        AddLogs(from.ReadLogs(limits.MaxLogsPerResource), archived: true);
        AddPoints(from.ReadMetricPoints(limits.MaxPointsPerSeries * 50), archived: true);
    }

    private void AddSpans(IEnumerable<SpanRecord> spans, bool archived)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                if (Resource(span.Resource) is not { } resource) continue;
                resource.Spans.Enqueue(span);
                _traces.Add(span);
                if (resource.Spans.Count > limits.MaxSpansPerResource) _traces.Remove(resource.Spans.Dequeue());
                if (!archived) archive?.Append(span);
            }
        }
    }

    private void AddLogs(IEnumerable<LogEntry> logs, bool archived)
    {
        lock (_lock)
        {
            foreach (var log in logs)
            {
                if (Resource(log.Resource) is not { } resource) continue;
                resource.Logs.Enqueue(log);
                if (resource.Logs.Count > limits.MaxLogsPerResource) resource.Logs.Dequeue();
                if (!archived) archive?.Append(log);
            }
        }
    }

    private void AddPoints(IEnumerable<MetricPoint> points, bool archived)
    {
        lock (_lock)
        {
            foreach (var point in points)
            {
                if (Resource(point.Resource) is not { } resource) continue;
                var key = point.SeriesKey;
                var instrument = (point.Meter, point.Instrument);
                if (!resource.Series.TryGetValue((instrument, key), out var series))
                {
                    if (resource.Series.Count >= limits.MaxSeriesPerResource) { _dropped++; continue; }
                    resource.Series[(instrument, key)] = series = new Queue<MetricPoint>();
                }
                series.Enqueue(point);
                if (series.Count > limits.MaxPointsPerSeries) series.Dequeue();
                if (!archived) archive?.Append(point);
            }
        }
    }

    private ResourceTelemetry? Resource(string name)
    {
        if (_resources.TryGetValue(name, out var resource)) return resource;
        if (_resources.Count >= limits.MaxResources) { _dropped++; return null; }
        return _resources[name] = new ResourceTelemetry();
    }

    public IReadOnlyList<string> ResourceNames
    {
        get { lock (_lock) return _resources.Keys.Order(StringComparer.Ordinal).ToList(); }
    }

    public int SpanCount(string resource)
    {
        lock (_lock) return _resources.TryGetValue(resource, out var r) ? r.Spans.Count : 0;
    }

    public int LogCount(string resource)
    {
        lock (_lock) return _resources.TryGetValue(resource, out var r) ? r.Logs.Count : 0;
    }

    /// <summary>Traces, newest first, that touch <paramref name="resource"/> and have a span whose name contains <paramref name="name"/>.</summary>
    public IReadOnlyList<TraceSummary> Traces(string? resource = null, string? name = null, int limit = 100)
    {
        lock (_lock)
        {
            return _traces.NewestFirst()
                .Where(spans => resource is null || spans.Any(s => s.Resource == resource))
                .Where(spans => string.IsNullOrEmpty(name) || spans.Any(s => s.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
                .Take(limit)
                .Select(Summarize)
                .ToList();
        }
    }

    /// <summary>Every span of one trace, in start order; empty when it is unknown (or aged out).</summary>
    public IReadOnlyList<SpanRecord> Trace(string traceId)
    {
        lock (_lock)
            return _traces.Spans(traceId.ToLowerInvariant()) is { } spans ? spans.OrderBy(s => s.Start).ToList() : [];
    }

    public TraceSummary? Summary(string traceId)
    {
        lock (_lock) return _traces.Spans(traceId.ToLowerInvariant()) is { } spans ? Summarize(spans) : null;
    }

    private static TraceSummary Summarize(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        // The root is the span whose parent is not here (the whole trace may not have arrived yet).
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        var resources = spans.OrderBy(s => s.Start).Select(s => s.Resource).Distinct().ToList();
        return new TraceSummary(root.TraceId, $"{root.Resource}: {root.Name}", root.Resource, start, end - start, resources, spans.Count, spans.Count(s => s.IsError));
    }

    /// <summary>Newest first, filtered by resource, lowest level, text (message or category) and attribute (<c>key=value</c> or a key).</summary>
    public IReadOnlyList<LogEntry> Logs(LogQuery query)
    {
        lock (_lock)
        {
            var minimum = query.Level is null ? 0 : Math.Max(0, LogLevels.Rank(query.Level));
            var sources = query.Resource is null ? _resources.Values.SelectMany(r => r.Logs) : _resources.GetValueOrDefault(query.Resource)?.Logs ?? [];
            return sources
                .Where(l => LogLevels.Rank(l.Level) >= minimum)
                .Where(l => string.IsNullOrEmpty(query.Text) || l.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                            || (l.Category?.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ?? false))
                .Where(l => query.TraceId is null || l.TraceId == query.TraceId)
                .Where(l => string.IsNullOrEmpty(query.Attribute) || Matches(l, query.Attribute))
                .OrderByDescending(l => l.Timestamp)
                .Take(query.Limit)
                .ToList();
        }
    }

    private static bool Matches(LogEntry log, string filter)
    {
        var split = filter.IndexOf('=');
        if (split < 0) return log.Attributes.Any(a => a.Key == filter);
        var (key, value) = (filter[..split].Trim(), filter[(split + 1)..].Trim());
        return log.Attributes.Any(a => a.Key == key && a.Value.Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<InstrumentInfo> Instruments(string resource)
    {
        lock (_lock)
        {
            if (!_resources.TryGetValue(resource, out var telemetry)) return [];
            return telemetry.Series.Values.Select(q => q.Last())
                .GroupBy(p => (p.Meter, p.Instrument))
                .Select(g => g.First())
                .Select(p => new InstrumentInfo(p.Meter, p.Instrument, p.Unit, p.Description, p.Kind))
                .OrderBy(i => i.Meter, StringComparer.Ordinal).ThenBy(i => i.Instrument, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Every series of one instrument since <paramref name="from"/>, for <see cref="MetricCharts"/>.</summary>
    public IReadOnlyList<IReadOnlyList<MetricPoint>> Series(string resource, string meter, string instrument, DateTime from)
    {
        lock (_lock)
        {
            if (!_resources.TryGetValue(resource, out var telemetry)) return [];
            return telemetry.Series.Where(s => s.Key.Instrument == (meter, instrument))
                .Select(s => (IReadOnlyList<MetricPoint>)s.Value.Where(p => p.Time >= from).ToList())
                .Where(points => points.Count > 0)
                .ToList();
        }
    }

    private sealed class ResourceTelemetry
    {
        public Queue<SpanRecord> Spans { get; } = new();
        public Queue<LogEntry> Logs { get; } = new();
        public Dictionary<((string Meter, string Name) Instrument, string Key), Queue<MetricPoint>> Series { get; } = [];
    }
}

public sealed record LogQuery(string? Resource = null, string? Level = null, string? Text = null, string? Attribute = null, string? TraceId = null, int Limit = 500);
