using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

/// <summary>A host, two invitees and a ready-to-send schedule request in a district, made fresh for a test.</summary>
internal sealed record MeetingScenario(Guid Host, Guid Presenter, Guid TurkishInvitee, Guid ArabicInvitee, string District)
{
    public static async Task<MeetingScenario> CreateAsync(HttpClient partner, string district = "umraniye")
    {
        var host = await partner.InstitutionAsync("Kaymakamlık", district, "district-governorship");
        var presenter = await partner.InstitutionAsync("WALD", null, "foundation");
        var turkish = await partner.ContactAsync(host, "Mehmet Öztürk", "tr");
        var arabic = await partner.ContactAsync(presenter, "سارة الحلبي", "ar");
        return new MeetingScenario(host, presenter, turkish, arabic, district);
    }

    public object Request(DateTimeOffset? startsAt = null, string? title = null, IEnumerable<Guid>? invitees = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(14).Date.AddHours(7);
        return new
        {
            title = title ?? "İlçe Koordinasyon Toplantısı",
            kind = "district-coordination",
            district = District,
            hostInstitutionId = Host,
            startsAt = new DateTimeOffset(starts.DateTime, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            endsAt = new DateTimeOffset(starts.DateTime, TimeSpan.Zero).AddHours(2).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            location = "Kaymakamlık toplantı salonu",
            onlineUrl = "https://meet.example.org/koordinasyon",
            agenda = new object[]
            {
                new { topic = "legal-aid", title = "Hukuki destek", presenterInstitutionId = (Guid?)Presenter },
                new { topic = "education-access", title = "Eğitime erişim", presenterInstitutionId = (Guid?)null },
            },
            inviteeContactIds = invitees ?? [TurkishInvitee, ArabicInvitee],
        };
    }

    public async Task<(Guid Id, string ETag, JsonElement Body)> ScheduleAsync(HttpClient partner, DateTimeOffset? startsAt = null)
    {
        var response = await partner.PostAsJsonAsync("/api/v1/meetings", Request(startsAt));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag, body);
    }
}
