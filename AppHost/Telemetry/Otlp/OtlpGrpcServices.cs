using Grpc.Core;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using Platform.AppHost.Telemetry.Store;

namespace Platform.AppHost.Telemetry.Otlp;

/// <summary>OTLP/gRPC <c>TraceService/Export</c>: what the services' exporters send by default (Aspire's contract sets grpc).</summary>
public sealed class OtlpTraceService(TelemetryStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        store.Add(OtlpConversion.Spans(request));
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

public sealed class OtlpLogsService(TelemetryStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        store.Add(OtlpConversion.Logs(request));
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}

public sealed class OtlpMetricsService(TelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        store.Add(OtlpConversion.Metrics(request));
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
