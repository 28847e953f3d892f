using Google.Protobuf;
using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;
using Platform.AppHost.Telemetry.Model;
using OtlpResource = OpenTelemetry.Proto.Resource.V1.Resource;
using OtlpSpan = OpenTelemetry.Proto.Trace.V1.Span;

namespace Platform.AppHost.Telemetry.Otlp;

/// <summary>Turns OTLP export requests into the dashboard's records. The resource is the exporter's <c>service.name</c>.</summary>
public static class OtlpConversion
{
    public const string UnknownResource = "unknown";

    public static IEnumerable<SpanRecord> Spans(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ResourceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            foreach (var span in scopeSpans.Spans)
            {
                yield return new SpanRecord
                {
                    Resource = resource,
                    TraceId = Hex(span.TraceId),
                    SpanId = Hex(span.SpanId),
                    ParentSpanId = span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
                    Name = span.Name,
                    Kind = span.Kind switch
                    {
                        OtlpSpan.Types.SpanKind.Server => "Server",
                        OtlpSpan.Types.SpanKind.Client => "Client",
                        OtlpSpan.Types.SpanKind.Producer => "Producer",
                        OtlpSpan.Types.SpanKind.Consumer => "Consumer",
                        _ => "Internal",
                    },
                    Start = Time(span.StartTimeUnixNano),
                    End = Time(span.EndTimeUnixNano),
                    Status = span.Status?.Code switch
                    {
                        OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Error => "Error",
                        OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Ok => "Ok",
                        _ => "Unset",
                    },
                    StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                    Scope = scopeSpans.Scope?.Name,
                    Attributes = Attributes(span.Attributes),
                    Events = span.Events.Select(e => new SpanEventRecord(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes))).ToList(),
                };
            }
        }
    }

    public static IEnumerable<LogEntry> Logs(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ResourceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            foreach (var record in scopeLogs.LogRecords)
            {
                yield return new LogEntry
                {
                    Resource = resource,
                    Timestamp = Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                    Level = LogLevels.FromSeverityNumber((int)record.SeverityNumber),
                    Message = record.Body is null ? "" : Text(record.Body),
                    Category = string.IsNullOrEmpty(scopeLogs.Scope?.Name) ? null : scopeLogs.Scope.Name,
                    TraceId = record.TraceId.IsEmpty ? null : Hex(record.TraceId),
                    SpanId = record.SpanId.IsEmpty ? null : Hex(record.SpanId),
                    Attributes = Attributes(record.Attributes),
                };
            }
        }
    }

    public static IEnumerable<MetricPoint> Metrics(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ResourceName(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            foreach (var metric in scopeMetrics.Metrics)
            {
                var template = new MetricPoint
                {
                    Resource = resource, Meter = scopeMetrics.Scope?.Name ?? "", Instrument = metric.Name,
                    Unit = string.IsNullOrEmpty(metric.Unit) ? null : metric.Unit,
                    Description = string.IsNullOrEmpty(metric.Description) ? null : metric.Description,
                    Kind = MetricKind.Gauge, Time = default,
                };
                switch (metric.DataCase)
                {
                    case Metric.DataOneofCase.Gauge:
                        foreach (var point in metric.Gauge.DataPoints) yield return Number(template with { Kind = MetricKind.Gauge }, point);
                        break;
                    case Metric.DataOneofCase.Sum:
                        var kind = metric.Sum.IsMonotonic ? MetricKind.Counter : MetricKind.UpDownCounter;
                        var delta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta;
                        foreach (var point in metric.Sum.DataPoints) yield return Number(template with { Kind = kind, IsDelta = delta }, point);
                        break;
                    case Metric.DataOneofCase.Histogram:
                        var deltaHistogram = metric.Histogram.AggregationTemporality == AggregationTemporality.Delta;
                        foreach (var point in metric.Histogram.DataPoints)
                        {
                            yield return template with
                            {
                                Kind = MetricKind.Histogram, IsDelta = deltaHistogram, Time = Time(point.TimeUnixNano),
                                Attributes = Attributes(point.Attributes), Count = point.Count, Sum = point.HasSum ? point.Sum : 0,
                                BucketCounts = point.BucketCounts.ToArray(), Bounds = point.ExplicitBounds.ToArray(),
                            };
                        }
                        break;
                    // Exponential histograms and summaries are not what the .NET SDK sends by default: not charted.
                }
            }
        }
    }

    private static MetricPoint Number(MetricPoint template, NumberDataPoint point) => template with
    {
        Time = Time(point.TimeUnixNano),
        Attributes = Attributes(point.Attributes),
        Value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
    };

    private static string ResourceName(OtlpResource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name && Text(name.Value) is { Length: > 0 } text
            ? text
            : UnknownResource;

    private static List<KeyValuePair<string, string>> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.Select(a => new KeyValuePair<string, string>(a.Key, a.Value is null ? "" : Text(a.Value))).ToList();

    private static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {(kv.Value is null ? "" : Text(kv.Value))}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static DateTime Time(ulong unixNanoseconds) => DateTime.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));
}
