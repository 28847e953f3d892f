using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The meetings service as a partner system uses it: through the gateway, with a real token.</summary>
[Collection(RunningPlatform.Name)]
public sealed class MeetingsThroughGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_partner_schedules_reschedules_cancels_and_lists_a_meeting_through_the_gateway()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var host = await (await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "Pendik Kaymakamlığı", kind = "district-governorship", district = "pendik" })).CreatedIdAsync();
        var contact = await (await partner.PostAsJsonAsync($"/api/v1/institutions/{host}/contacts",
            new { fullName = "Elif Şahin", email = $"elif.{Guid.NewGuid():N}@pendik.example.org", language = "tr" })).CreatedIdAsync();

        var scheduled = await partner.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Pendik İlçe Koordinasyon Toplantısı", kind = "district-coordination", district = "pendik", hostInstitutionId = host,
            startsAt = "2033-03-01T10:00:00+03:00", endsAt = "2033-03-01T12:00:00+03:00", location = "Pendik Kaymakamlığı",
            agenda = new[] { new { topic = "health-access", title = "Sağlık hizmetlerine erişim" } }, inviteeContactIds = new[] { contact },
        });
        var id = await scheduled.CreatedIdAsync();
        var rescheduled = await SendAsync(partner, $"/api/v1/meetings/{id}/reschedule",
            new { startsAt = "2033-03-08T10:00:00+03:00", endsAt = "2033-03-08T12:00:00+03:00" }, scheduled.Headers.ETag!);
        var listed = await partner.GetFromJsonAsync<JsonElement>(
            $"/api/v1/meetings?district=pendik&from={Uri.EscapeDataString("2033-03-08T00:00:00+03:00")}&to={Uri.EscapeDataString("2033-03-09T00:00:00+03:00")}");
        var cancelled = await SendAsync(partner, $"/api/v1/meetings/{id}/cancel", new { reason = "Ertelendi" }, rescheduled.Headers.ETag!);

        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rescheduled.StatusCode);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var final = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", final.GetProperty("status").GetString());
        Assert.Equal(2, final.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_three_invitees_puts_three_invitations_in_their_languages_in_the_inbox()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var host = await (await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "Sultangazi Belediyesi", kind = "municipality", district = "sultangazi" })).CreatedIdAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var people = new[] { ("Ayşe Yılmaz", "tr"), ("سارة الحلبي", "ar"), ("John Smith", "en") };
        var contacts = new List<Guid>();
        foreach (var (name, language) in people)
            contacts.Add(await (await partner.PostAsJsonAsync($"/api/v1/institutions/{host}/contacts",
                new { fullName = name, email = $"{language}.{marker}@sultangazi.example.org", language })).CreatedIdAsync());

        var scheduled = await partner.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Sultangazi İlçe Koordinasyon Toplantısı", kind = "district-coordination", district = "sultangazi", hostInstitutionId = host,
            startsAt = "2033-05-10T10:00:00+03:00", endsAt = "2033-05-10T12:00:00+03:00", location = "Sultangazi Belediyesi",
            agenda = new[] { new { topic = "womens-entrepreneurship", title = "Kadın girişimciliği" } }, inviteeContactIds = contacts,
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);

        using var inbox = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("smtp", "http")) };
        var subjects = await Eventually.GetAsync(async () =>
        {
            var mail = await inbox.GetFromJsonAsync<JsonElement[]>("/email");
            return mail!.Where(m => m.GetProperty("to")[0].GetProperty("address").GetString()!.Contains(marker))
                .ToDictionary(m => m.GetProperty("to")[0].GetProperty("address").GetString()!.Split('.')[0], m => m.GetProperty("subject").GetString()!);
        }, found => found.Count == 3, TimeSpan.FromSeconds(20), "three invitations in the inbox");

        Assert.StartsWith("Davet:", subjects["tr"]);
        Assert.StartsWith("دعوة:", subjects["ar"]);
        Assert.StartsWith("Invitation:", subjects["en"]);
    }

    [Fact]
    public async Task The_meetings_openapi_document_describes_every_route()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/meetings/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateObject().Select(o => o.Name).ToHashSet());
        foreach (var (path, method) in new[]
        {
            ("/api/v1/districts", "get"), ("/api/v1/topics", "get"),
            ("/api/v1/institutions", "get"), ("/api/v1/institutions", "post"), ("/api/v1/institutions/{id}", "get"), ("/api/v1/institutions/{id}/contacts", "post"),
            ("/api/v1/meetings", "get"), ("/api/v1/meetings", "post"), ("/api/v1/meetings/{id}", "get"),
            ("/api/v1/meetings/{id}/reschedule", "post"), ("/api/v1/meetings/{id}/cancel", "post"),
            ("/api/v1/meetings/{id}/invitees/{contactId}", "post"), ("/api/v1/meetings/{id}/invitees/{contactId}", "delete"),
            ("/api/v1/meetings/{id}/attendance", "put"), ("/api/v1/meetings/{id}/minutes", "post"),
            ("/api/v1/action-items", "get"), ("/api/v1/action-items/{id}", "patch"),
            ("/api/v1/rsvp/{token}", "get"), ("/api/v1/rsvp/{token}", "post"),
        })
        {
            Assert.True(paths.TryGetValue(path, out var methods) && methods.Contains(method), $"{method.ToUpperInvariant()} {path} is not documented");
        }
    }


    private static Task<HttpResponseMessage> SendAsync(HttpClient partner, string path, object body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return partner.SendAsync(request);
    }
}
