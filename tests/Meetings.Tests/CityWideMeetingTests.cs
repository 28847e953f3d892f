using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

/// <summary>
/// The Coordination Platform's city-wide workshops: no district, invitees from institutions of any district,
/// called only by a partner that coordinates every district, read by every partner; their action items stay
/// off the districts' agendas.
/// </summary>
[Collection(MeetingsCollection.Name)]
public sealed class CityWideMeetingTests(MeetingsService service)
{
    [Fact]
    public async Task A_platform_workshop_has_no_district_and_invites_institutions_of_every_district()
    {
        using var platform = service.Partner();
        var workshop = await CityWideWorkshop.CreateAsync(platform);

        var response = await platform.PostAsJsonAsync("/api/v1/meetings", workshop.Request());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("district").ValueKind);
        Assert.Equal("platform-workshop", body.GetProperty("kind").GetString());
        Assert.Equal(workshop.Invitees.Order(), body.GetProperty("invitees").EnumerateArray().Select(i => i.GetProperty("contactId").GetGuid()).Order());
        var (type, scheduled) = Assert.Single(await service.EventsOfAsync(body.GetProperty("id").GetGuid()));
        Assert.Equal("MeetingScheduled", type);
        Assert.Equal(JsonValueKind.Null, scheduled.GetProperty("meeting").GetProperty("district").ValueKind);
        Assert.Equal(3, scheduled.GetProperty("invitees").GetArrayLength());
    }

    [Fact]
    public async Task Only_a_partner_of_every_district_schedules_one()
    {
        using var platform = service.Partner();
        var workshop = await CityWideWorkshop.CreateAsync(platform);
        using var desk = service.Partner("umraniye-desk", "meetings.read meetings.write", "umraniye");

        var refused = await desk.PostAsJsonAsync("/api/v1/meetings", workshop.Request());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("city-wide", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_workshop_with_a_district_or_a_district_meeting_without_one_is_refused()
    {
        using var platform = service.Partner();
        var workshop = await CityWideWorkshop.CreateAsync(platform);

        var withDistrict = await platform.PostAsJsonAsync("/api/v1/meetings", workshop.Request(district: "umraniye"));
        var districtMeetingWithout = await platform.PostAsJsonAsync("/api/v1/meetings", workshop.Request(kind: "district-coordination"));

        Assert.Equal(HttpStatusCode.BadRequest, withDistrict.StatusCode);
        Assert.Contains("city-wide", (await withDistrict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("district")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, districtMeetingWithout.StatusCode);
        Assert.True((await districtMeetingWithout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("district", out _));
    }

    [Fact]
    public async Task Every_partner_reads_it_but_only_a_partner_of_every_district_changes_it()
    {
        using var platform = service.Partner();
        var workshop = await CityWideWorkshop.CreateAsync(platform);
        var id = await workshop.ScheduleAsync(platform);
        using var desk = service.Partner("gaziosmanpasa-desk", "meetings.read meetings.write", "gaziosmanpasa");

        var read = await desk.GetAsync($"/api/v1/meetings/{id}");
        var listed = await desk.GetFromJsonAsync<JsonElement>("/api/v1/meetings?kind=platform-workshop&pageSize=100");
        var inDistrict = await desk.GetFromJsonAsync<JsonElement>("/api/v1/meetings?district=gaziosmanpasa&pageSize=100");
        var cancel = await desk.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { reason = "Salon yok" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.All(listed.GetProperty("items").EnumerateArray(), m => Assert.Equal("platform-workshop", m.GetProperty("kind").GetString()));
        Assert.DoesNotContain(inDistrict.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        var rescheduled = await platform.PostAsJsonAsync($"/api/v1/meetings/{id}/reschedule", new
        {
            startsAt = "2033-03-02T10:00:00+03:00",
            endsAt = "2033-03-02T13:00:00+03:00",
        });
        Assert.Equal(HttpStatusCode.OK, rescheduled.StatusCode);
        Assert.Equal(["MeetingScheduled", "MeetingRescheduled"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Its_action_items_are_carried_to_the_next_workshop_and_never_to_a_district_agenda()
    {
        using var platform = service.Partner();
        var workshop = await CityWideWorkshop.CreateAsync(platform);
        var first = await workshop.ScheduleAsync(platform);
        var description = $"Mükerrer hizmet haritasını güncellemek {Guid.NewGuid():N}";
        (await platform.PostAsJsonAsync($"/api/v1/meetings/{first}/minutes", new
        {
            summary = "İlçeler arası hizmet haritası görüşüldü.",
            decisions = new[] { "Harita üç ayda bir güncellenir." },
            actionItems = new[] { new { description, ownerInstitutionId = workshop.Host, dueOn = "2033-04-01" } },
        })).EnsureSuccessStatusCode();
        using var desk = service.Partner("umraniye-desk", "meetings.read meetings.write", "umraniye");

        var item = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/action-items?status=open&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("description").GetString() == description);
        var closeByDesk = await desk.PatchAsJsonAsync($"/api/v1/action-items/{item.GetProperty("id").GetGuid()}", new { status = "done" });
        var district = await MeetingScenario.CreateAsync(platform, "umraniye");
        var (_, _, districtMeeting) = await district.ScheduleAsync(platform, new DateTimeOffset(2033, 4, 10, 7, 0, 0, TimeSpan.Zero));
        var next = await platform.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{await workshop.ScheduleAsync(platform)}");

        Assert.Equal(JsonValueKind.Null, item.GetProperty("district").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, closeByDesk.StatusCode);
        Assert.DoesNotContain(Titles(districtMeeting), t => t.Contains(description));
        Assert.Contains(Titles(next), t => t.Contains(description));
    }

    private static IEnumerable<string> Titles(JsonElement meeting) =>
        meeting.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()!);

    /// <summary>A host of the platform and focal points of institutions in three districts, ready to be invited.</summary>
    private sealed record CityWideWorkshop(Guid Host, IReadOnlyList<Guid> Invitees)
    {
        public static async Task<CityWideWorkshop> CreateAsync(HttpClient platform)
        {
            var host = await platform.InstitutionAsync("İstanbul Koordinasyon Platformu", null, "other");
            var invitees = new List<Guid>();
            foreach (var (district, name, language) in new[] { ("umraniye", "Ayşe Yılmaz", "tr"), ("gaziosmanpasa", "محمد الأحمد", "ar"), ("kucukcekmece", "Jane Doe", "en") })
                invitees.Add(await platform.ContactAsync(await platform.InstitutionAsync("Belediye", district), name, language));
            return new CityWideWorkshop(host, invitees);
        }

        public object Request(string kind = "platform-workshop", string? district = null) => new
        {
            title = "Koordinasyon Platformu Çalıştayı",
            kind,
            district,
            hostInstitutionId = Host,
            startsAt = "2033-03-01T10:00:00+03:00",
            endsAt = "2033-03-01T13:00:00+03:00",
            location = "İstanbul Valiliği, Cağaloğlu",
            inviteeContactIds = Invitees,
        };

        public async Task<Guid> ScheduleAsync(HttpClient platform)
        {
            var response = await platform.PostAsJsonAsync("/api/v1/meetings", Request());
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
