using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Dashboard.Tests;

/// <summary>
/// A meeting scheduled through the gateway by the partner <c>platform-dev</c> with its own trace context,
/// so the test knows the trace id: the gateway forwards to meetings, whose outbox publishes the event that
/// notifications consumes before it sends the invitation over SMTP.
/// </summary>
public static class MeetingTrace
{
    public static readonly string[] Services = ["gateway", "meetings", "notifications"];
    public const string SmtpSend = "smtp send";

    /// <summary>Schedules the meeting; the trace id and the span id of the partner's own (unexported) span.</summary>
    public static async Task<(string TraceId, string PartnerSpanId)> ScheduleAsync(DashboardPlatform platform)
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var host = await (await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "Esenyurt Belediyesi", kind = "municipality", district = "esenyurt" })).CreatedIdAsync();
        var contact = await (await partner.PostAsJsonAsync($"/api/v1/institutions/{host}/contacts",
            new { fullName = "Zeynep Kılıç", email = $"zeynep.{Guid.NewGuid():N}@esenyurt.example.org", language = "tr" })).CreatedIdAsync();

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var partnerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var schedule = new HttpRequestMessage(HttpMethod.Post, "/api/v1/meetings")
        {
            Content = JsonContent.Create(new
            {
                title = "Esenyurt İlçe Koordinasyon Toplantısı", kind = "district-coordination", district = "esenyurt", hostInstitutionId = host,
                startsAt = "2034-02-01T10:00:00+03:00", endsAt = "2034-02-01T12:00:00+03:00", location = "Esenyurt Belediyesi",
                agenda = new[] { new { topic = "health-access", title = "Sağlık hizmetlerine erişim" } }, inviteeContactIds = new[] { contact },
            }),
        };
        schedule.Headers.Add("traceparent", $"00-{traceId}-{partnerSpanId}-01");
        using var scheduled = await partner.SendAsync(schedule);
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        return (traceId, partnerSpanId);
    }

    /// <summary>
    /// The trace's spans from the telemetry API, once the SMTP send of notifications has arrived with spans of
    /// the gateway and meetings (the services export every second; the invitation goes out a few seconds later).
    /// </summary>
    public static async Task<IReadOnlyList<Span>> WhenSentAsync(DashboardPlatform platform, string traceId)
    {
        using var api = platform.TelemetryApi();
        return await Eventually.GetAsync(
            async () => OtlpJson.Spans(await api.GetFromJsonAsync<JsonElement>($"/api/telemetry/spans?traceId={traceId}&limit=1000")),
            spans => spans.Any(s => s is { Resource: "notifications", Name: SmtpSend }) && Services.All(service => spans.Any(s => s.Resource == service)),
            TimeSpan.FromSeconds(60), $"the spans of trace {traceId} down to the SMTP send");
    }
}
