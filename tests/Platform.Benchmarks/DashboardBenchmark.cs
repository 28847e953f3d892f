using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.AppHost.Hosting.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The dashboard's OTLP receiver under a flood: spans from the real OpenTelemetry exporter over gRPC
/// into an AppHost that runs only its dashboard. Prints spans accepted per second, the heap it keeps
/// afterwards, and how long the trace list and one trace take to read with the store full.
/// </summary>
public static class DashboardBenchmark
{
    public static async Task RunAsync(int spans, int resources)
    {
        var state = Path.Combine(Path.GetTempPath(), "platform-bench-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
        var app = DistributedApplicationTestingBuilder.CreateBuilder(state).Build();
        await app.StartAsync();
        try
        {
            Console.WriteLine($"dashboard benchmark: {spans:N0} spans from {resources} resources over OTLP/gRPC (Release), {Environment.ProcessorCount} cores");
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var source = new ActivitySource("benchmark.flood");
            var providers = Enumerable.Range(0, resources).Select(r => Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService($"service-{r}"))
                .AddSource(source.Name)
                .AddOtlpExporter(o =>
                {
                    o.Protocol = OtlpExportProtocol.Grpc;
                    o.Endpoint = new Uri(app.GetEndpoint("dashboard", "otlp"));
                    o.BatchExportProcessorOptions = new BatchExportProcessorOptions<Activity> { MaxQueueSize = 20_000, MaxExportBatchSize = 2_000, ScheduledDelayMilliseconds = 200 };
                })
                .Build()).ToList();
            // Every provider listens to the source: each span is exported once per resource.
            var perResource = spans / resources;
            var clock = Stopwatch.StartNew();
            for (var sent = 0; sent < perResource; sent += 5_000)
            {
                for (var i = 0; i < 5_000; i++)
                {
                    using var parent = source.StartActivity("request", ActivityKind.Server);
                    parent?.SetTag("index", sent + i);
                }
                foreach (var provider in providers) provider.ForceFlush(30_000);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            foreach (var provider in providers) provider.Dispose();
            var kept = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            Console.WriteLine($"  ingest: {perResource * resources:N0} spans in {seconds:0.0} s = {perResource * resources / seconds:N0} spans/s");
            Console.WriteLine($"  kept:   {app.Telemetry.ResourceNames.Sum(app.Telemetry.SpanCount):N0} spans; heap growth {kept / 1024 / 1024:N0} MB; process working set {Environment.WorkingSet / 1024 / 1024:N0} MB");

            var list = Measure(() => app.Telemetry.Traces(limit: 100));
            var traceId = app.Telemetry.Traces(limit: 1)[0].TraceId;
            var one = Measure(() => app.Telemetry.Trace(traceId));
            Console.WriteLine($"  trace list (100 newest of all): p50 {list.P50:0.0} ms, p99 {list.P99:0.0} ms");
            Console.WriteLine($"  one trace:                      p50 {one.P50:0.000} ms, p99 {one.P99:0.000} ms");
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(state, recursive: true); } catch (IOException) { }
        }
    }

    private static (double P50, double P99) Measure(Action read)
    {
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }
}
