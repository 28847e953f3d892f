using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using Platform.AppHost.Telemetry.Store;

namespace Platform.AppHost.Telemetry.Otlp;

/// <summary>
/// OTLP/HTTP with binary protobuf bodies (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>): POST
/// <c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>. JSON bodies get 415, as the specification allows.
/// </summary>
public static class OtlpHttpEndpoints
{
    private const string Protobuf = "application/x-protobuf";

    public static IEndpointConventionBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints, TelemetryStore store)
    {
        var otlp = endpoints.MapGroup("/v1");
        otlp.MapPost("/traces", (HttpContext http) => ReceiveAsync(http, ExportTraceServiceRequest.Parser, r => store.Add(OtlpConversion.Spans(r)), new ExportTraceServiceResponse()));
        otlp.MapPost("/logs", (HttpContext http) => ReceiveAsync(http, ExportLogsServiceRequest.Parser, r => store.Add(OtlpConversion.Logs(r)), new ExportLogsServiceResponse()));
        otlp.MapPost("/metrics", (HttpContext http) => ReceiveAsync(http, ExportMetricsServiceRequest.Parser, r => store.Add(OtlpConversion.Metrics(r)), new ExportMetricsServiceResponse()));
        return otlp;
    }

    private static async Task ReceiveAsync<TRequest>(HttpContext http, MessageParser<TRequest> parser, Action<TRequest> accept, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: 415, title: $"OTLP/HTTP bodies must be {Protobuf}.").ExecuteAsync(http);
            return;
        }
        TRequest request;
        try
        {
            using var body = new MemoryStream();
            var gzip = string.Equals(http.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
            await using (var source = gzip ? new System.IO.Compression.GZipStream(http.Request.Body, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true) : http.Request.Body)
                await source.CopyToAsync(body, http.RequestAborted);
            body.Position = 0;
            request = parser.ParseFrom(body);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidDataException)
        {
            await Results.Problem(statusCode: 400, title: "The body is not a valid OTLP export request.", detail: ex.Message).ExecuteAsync(http);
            return;
        }
        accept(request);
        http.Response.ContentType = Protobuf;
        await http.Response.Body.WriteAsync(response.ToByteArray(), http.RequestAborted);
    }
}
