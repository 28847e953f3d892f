using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Dashboard.Tests;

/// <summary>The Aspire dashboard's telemetry API (<c>/api/telemetry/...</c>, OTLP JSON) over what the platform's services export to it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TelemetryApiTests(DashboardPlatform platform)
{
    private static readonly string[] Endpoints = ["/api/telemetry/resources", "/api/telemetry/traces", "/api/telemetry/spans", "/api/telemetry/logs"];

    [Fact]
    public async Task Every_endpoint_refuses_a_request_without_the_token_or_with_a_wrong_one_and_answers_with_it()
    {
        using var anonymous = platform.TelemetryApi(apiKey: "");
        using var wrong = platform.TelemetryApi(apiKey: "not-the-token");
        using var api = platform.TelemetryApi();
        foreach (var endpoint in Endpoints)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(endpoint)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(endpoint)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(endpoint)).StatusCode);
        }

        // Every service of ours exports to the dashboard under test; the servers (postgres, messaging, smtp) export nothing.
        string[] services = ["cases", "gateway", "livelihoods", "meetings", "notifications"];
        var resources = await Eventually.GetAsync(
            async () => (await api.GetFromJsonAsync<JsonElement[]>("/api/telemetry/resources"))!.Select(r => r.GetProperty("name").GetString()!).Order().ToList(),
            names => names.SequenceEqual(services), TimeSpan.FromSeconds(30), "every service's telemetry");
        Assert.Equal(services, resources);
    }

    [Fact]
    public async Task A_meeting_scheduled_through_the_gateway_is_one_trace_from_the_partner_request_through_meetings_to_the_smtp_send_of_notifications()
    {
        var (traceId, partnerSpanId) = await MeetingTrace.ScheduleAsync(platform);

        var spans = await MeetingTrace.WhenSentAsync(platform, traceId);

        Assert.All(spans, span => Assert.Equal(traceId, span.TraceId));
        Assert.Equal(MeetingTrace.Services, spans.Select(s => s.Resource).Distinct().Order());
        Assert.DoesNotContain(spans, span => span.IsError);
        // One tree: its only root is the gateway's request, continuing the partner's own span.
        var byId = spans.ToDictionary(s => s.SpanId);
        var root = Assert.Single(spans, s => s.ParentSpanId is null || !byId.ContainsKey(s.ParentSpanId));
        Assert.Equal(("gateway", partnerSpanId), (root.Resource, root.ParentSpanId));
        Assert.StartsWith("POST /api/v1/meetings", root.Name);
        // The SMTP send hangs below meetings' spans (the event crossed RabbitMQ with its trace context), not beside them.
        var smtpSend = Assert.Single(spans, s => s.Name == MeetingTrace.SmtpSend);
        Assert.Equal("notifications", smtpSend.Resource);
        var ancestors = Ancestors(smtpSend, byId).ToList();
        Assert.Equal(root, ancestors[^1]);
        Assert.Contains(ancestors, s => s.Resource == "meetings");
        Assert.Equal(new Uri(platform.App.GetEndpoint("smtp", "smtp")).Port.ToString(), smtpSend.Attributes["server.port"]);

        // The trace's own endpoint and the list of notifications' traces hold the same trace.
        using var api = platform.TelemetryApi();
        var trace = OtlpJson.Spans(await api.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces/{traceId}"));
        Assert.Superset(spans.Select(s => s.SpanId).ToHashSet(), trace.Select(s => s.SpanId).ToHashSet());
        var notificationsTraces = OtlpJson.Spans(await api.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?resource=notifications&limit=1000"));
        Assert.Contains(notificationsTraces, s => s.SpanId == smtpSend.SpanId);
    }

    private static IEnumerable<Span> Ancestors(Span span, IReadOnlyDictionary<string, Span> byId)
    {
        for (var current = span; current.ParentSpanId is { } parent && byId.TryGetValue(parent, out var up); current = up)
            yield return up;
    }
}
