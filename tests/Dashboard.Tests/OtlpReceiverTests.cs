using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Testing;
using Xunit.Abstractions;

namespace Platform.Dashboard.Tests;

/// <summary>
/// The dashboard's OTLP receiver fed by the real OpenTelemetry .NET exporter, over gRPC and over
/// HTTP/protobuf. Each test runs an AppHost with nothing but its dashboard, on free ports.
/// </summary>
public sealed class OtlpReceiverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "platform-otlp-" + Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    private async Task<DistributedApplication> StartAsync()
    {
        var app = DistributedApplicationTestingBuilder.CreateBuilder(_state).Build();
        await app.StartAsync();
        return app;
    }

    private Uri Otlp => new(_app.GetEndpoint("dashboard", "otlp"));
    private Uri OtlpHttp(string signal) => new($"{_app.GetEndpoint("dashboard", "otlp-http")}/v1/{signal}");

    private HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.DashboardUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.DashboardToken);
        return client;
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_from_the_OpenTelemetry_exporter_become_one_trace_with_parent_and_child(OtlpExportProtocol protocol)
    {
        var service = $"exporter-{protocol}".ToLowerInvariant();
        using var source = new ActivitySource($"test.{service}");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o => { o.Protocol = protocol; o.Endpoint = protocol == OtlpExportProtocol.Grpc ? Otlp : OtlpHttp("traces"); })
                   .Build())
        {
            using (var parent = source.StartActivity("schedule meeting", ActivityKind.Server)!)
            {
                parent.SetTag("district", "Gaziosmanpaşa");
                traceId = parent.TraceId.ToHexString();
                using var child = source.StartActivity("smtp send", ActivityKind.Client)!;
                child.SetStatus(ActivityStatusCode.Error, "550 mailbox unavailable");
            }
            Assert.True(tracing.ForceFlush(10_000));
        }

        using var api = Api();
        var trace = await api.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(2, spans.Count);
        var (parentSpan, childSpan) = (spans.Single(s => s.GetProperty("name").GetString() == "schedule meeting"), spans.Single(s => s.GetProperty("name").GetString() == "smtp send"));
        Assert.Equal(parentSpan.GetProperty("spanId").GetString(), childSpan.GetProperty("parentSpanId").GetString());
        Assert.Equal(service, childSpan.GetProperty("resource").GetString());
        Assert.Equal("Error", childSpan.GetProperty("status").GetString());
        Assert.Contains(parentSpan.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "district" && a.GetProperty("value").GetString() == "Gaziosmanpaşa");
        var summary = trace.GetProperty("summary");
        Assert.Equal($"{service}: schedule meeting", summary.GetProperty("name").GetString());
        Assert.Equal(1, summary.GetProperty("errorCount").GetInt32());
        var listed = await api.GetFromJsonAsync<JsonElement[]>($"/api/traces?resource={service}&name=smtp");
        Assert.Equal(traceId, Assert.Single(listed!).GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Logs_from_the_exporter_keep_level_attributes_and_their_trace(OtlpExportProtocol protocol)
    {
        var service = $"logs-{protocol}".ToLowerInvariant();
        using var source = new ActivitySource($"test.{service}");
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(source.Name).Build();
        string traceId;
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service));
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(e => { e.Protocol = protocol; e.Endpoint = protocol == OtlpExportProtocol.Grpc ? Otlp : OtlpHttp("logs"); });
               })))
        {
            var logger = logging.CreateLogger("Platform.Notifications.Delivery");
            using (var activity = source.StartActivity("deliver")!)
            {
                traceId = activity.TraceId.ToHexString();
                logger.LogWarning("Email {NotificationId} not handed over; next try in {Wait}", "n-42", "00:00:08");
            }
            logger.LogInformation("Polling for pending emails");
        }

        using var api = Api();
        var warnings = await api.GetFromJsonAsync<JsonElement[]>($"/api/logs?resource={service}&level=Warning");
        var warning = Assert.Single(warnings!);
        Assert.Equal("Email n-42 not handed over; next try in 00:00:08", warning.GetProperty("message").GetString());
        Assert.Equal(traceId, warning.GetProperty("traceId").GetString());
        Assert.Equal("Platform.Notifications.Delivery", warning.GetProperty("category").GetString());
        Assert.Single((await api.GetFromJsonAsync<JsonElement[]>($"/api/logs?resource={service}&attribute=NotificationId=n-42"))!);
        Assert.Single((await api.GetFromJsonAsync<JsonElement[]>($"/api/logs?resource={service}&q=polling"))!);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await api.GetAsync("/api/logs?level=Loud")).StatusCode);
    }

    [Fact]
    public async Task Counters_and_histograms_from_the_exporter_chart_as_rates_and_percentiles()
    {
        const string service = "metrics-test";
        using var meter = new Meter("Platform.Test.Metrics");
        var sent = meter.CreateCounter<long>("emails_sent", "{email}");
        var duration = meter.CreateHistogram<double>("request.duration", "ms");
        using (var metrics = Sdk.CreateMeterProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
                   .AddMeter(meter.Name)
                   .AddOtlpExporter(o => { o.Protocol = OtlpExportProtocol.Grpc; o.Endpoint = Otlp; })
                   .Build())
        {
            sent.Add(1);
            duration.Record(10);
            Assert.True(metrics.ForceFlush(10_000));
            // The interval a rate is measured over: two exports at least a second apart (not a wait for anything).
            await Task.Delay(1100);
            sent.Add(20);
            for (var i = 0; i < 99; i++) duration.Record(20);
            duration.Record(2000);
            Assert.True(metrics.ForceFlush(10_000));
        }

        using var api = Api();
        var instruments = await api.GetFromJsonAsync<JsonElement[]>($"/api/metrics/{service}");
        Assert.Contains(instruments!, i => i.GetProperty("instrument").GetString() == "emails_sent" && i.GetProperty("kind").GetString() == "Counter");
        var counter = await api.GetFromJsonAsync<JsonElement>($"/api/metrics/{service}/Platform.Test.Metrics/emails_sent");
        var rate = Assert.Single(counter.GetProperty("series").EnumerateArray());
        // Disposing the provider exports once more (nothing new: a rate of 0), in the same second or the next.
        var points = rate.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToList();
        Assert.InRange(points[0], 20 / 3.0, 20 / 1.0);   // 20 emails over the ~1-2 s between the two flushes
        Assert.All(points.Skip(1), later => Assert.Equal(0, later));
        var histogram = await api.GetFromJsonAsync<JsonElement>($"/api/metrics/{service}/Platform.Test.Metrics/request.duration");
        var series = histogram.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("points")[0].GetProperty("value").GetDouble());
        // 99 of the 100 values of the second interval are 20 ms, inside the default (10, 25] bucket; one is 2 s.
        Assert.InRange(series["p50"], 10, 25);
        Assert.InRange(series["p99"], 10, 25);
        Assert.InRange(series["per second"], 100 / 3.0, 100 / 1.0);
    }

    [Fact]
    public async Task Telemetry_is_still_there_after_the_AppHost_restarts()
    {
        using var source = new ActivitySource("test.restart");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("restart-test"))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o => { o.Protocol = OtlpExportProtocol.Grpc; o.Endpoint = Otlp; })
                   .Build())
        {
            using (var activity = source.StartActivity("before restart")!) traceId = activity.TraceId.ToHexString();
            Assert.True(tracing.ForceFlush(10_000));
        }
        Assert.Single(_app.Telemetry.Trace(traceId));

        await _app.StopAsync();
        _app = await StartAsync();

        var span = Assert.Single(_app.Telemetry.Trace(traceId));
        Assert.Equal("before restart", span.Name);
        Assert.Equal("restart-test", span.Resource);
    }

    [Fact]
    public async Task Two_hundred_thousand_spans_leave_the_newest_ten_thousand_and_a_bounded_heap()
    {
        // Stated limit: the AppHost's managed heap grows by less than 200 MB while 200,000 spans arrive
        // (measured after each flush of 10,000, with a full collection), and the store keeps 10,000.
        const int total = 200_000, chunk = 10_000;
        const long limitBytes = 200L * 1024 * 1024;
        using var source = new ActivitySource("test.flood");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var clock = Stopwatch.StartNew();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("flood"))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o =>
                   {
                       o.ExportProcessorType = ExportProcessorType.Batch;
                       o.Protocol = OtlpExportProtocol.Grpc;
                       o.Endpoint = Otlp;
                       o.BatchExportProcessorOptions = new BatchExportProcessorOptions<Activity> { MaxQueueSize = chunk * 2, MaxExportBatchSize = 2_000, ScheduledDelayMilliseconds = 200 };
                   })
                   .Build())
        {
            for (var sent = 0; sent < total; sent += chunk)
            {
                for (var i = 0; i < chunk; i++)
                {
                    using var activity = source.StartActivity("flood span", ActivityKind.Internal);
                    activity?.SetTag("index", sent + i);
                }
                Assert.True(tracing.ForceFlush(30_000));
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        output.WriteLine($"200,000 spans in {clock.Elapsed.TotalSeconds:0.0} s; heap growth peak {peak / 1024 / 1024} MB; working set {Environment.WorkingSet / 1024 / 1024} MB");

        Assert.Equal(_app.Telemetry.Limits.MaxSpansPerResource, _app.Telemetry.SpanCount("flood"));
        Assert.InRange(peak, long.MinValue, limitBytes);
        // The newest arrivals are the ones kept: exactly the last 10,000 spans sent.
        var kept = _app.Telemetry.Traces("flood", limit: total)
            .Select(t => int.Parse(_app.Telemetry.Trace(t.TraceId).Single().Attributes.Single(a => a.Key == "index").Value))
            .ToList();
        var limit = _app.Telemetry.Limits.MaxSpansPerResource;
        Assert.Equal(Enumerable.Range(total - limit, limit), kept.Order());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { }
    }
}
