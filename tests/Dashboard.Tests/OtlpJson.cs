using System.Text.Json;

namespace Platform.Dashboard.Tests;

/// <summary>One span as the dashboard's telemetry API returns it, with the service (<c>service.name</c>) it came from.</summary>
public sealed record Span(string Resource, string Name, string TraceId, string SpanId, string? ParentSpanId, bool IsError, IReadOnlyDictionary<string, string> Attributes);

/// <summary>Reads the OTLP JSON of the dashboard's telemetry API (<c>{"data":{"resourceSpans":[...]}}</c>) into flat spans.</summary>
public static class OtlpJson
{
    private const int StatusError = 2;

    public static IReadOnlyList<Span> Spans(JsonElement response) =>
        response.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(resourceSpans =>
            {
                var resource = Attributes(resourceSpans.GetProperty("resource"))["service.name"];
                return resourceSpans.GetProperty("scopeSpans").EnumerateArray()
                    .SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                    .Select(span => new Span(resource, span.GetProperty("name").GetString()!,
                        span.GetProperty("traceId").GetString()!, span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) && parent.GetString() is { Length: > 0 } parentId ? parentId : null,
                        span.TryGetProperty("status", out var status) && status.TryGetProperty("code", out var code) && code.GetInt32() == StatusError,
                        Attributes(span)));
            })
            .ToList();

    /// <summary>OTLP attributes (<c>[{"key":..., "value":{"stringValue":...}}]</c>) by key, every value as text.</summary>
    private static Dictionary<string, string> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => Text(a.GetProperty("value")))
            : [];

    private static string Text(JsonElement anyValue) =>
        anyValue.EnumerateObject().Select(typed => typed.Value.ValueKind == JsonValueKind.String ? typed.Value.GetString()! : typed.Value.GetRawText())
            .FirstOrDefault() ?? "";
}
