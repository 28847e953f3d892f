using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class MeetingLifecycleTests(MeetingsService service)
{
    [Fact]
    public async Task Scheduling_answers_201_with_location_and_etag_and_writes_one_MeetingScheduled_with_everything_an_email_needs()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);

        var response = await partner.PostAsJsonAsync("/api/v1/meetings", scenario.Request(new DateTimeOffset(2031, 3, 10, 7, 0, 0, TimeSpan.Zero)));
        var meeting = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = meeting.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/meetings/{id}", response.Headers.Location!.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("scheduled", meeting.GetProperty("status").GetString());
        Assert.Equal(0, meeting.GetProperty("sequence").GetInt32());
        Assert.Equal("2031-03-10T10:00:00+03:00", meeting.GetProperty("startsAt").GetString());
        var (type, body) = Assert.Single(await service.EventsOfAsync(id));
        Assert.Equal("MeetingScheduled", type);
        Assert.Equal("Europe/Istanbul", body.GetProperty("meeting").GetProperty("timeZone").GetString());
        Assert.Equal(2, body.GetProperty("meeting").GetProperty("agenda").GetArrayLength());
        var arabic = body.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("language").GetString() == "ar");
        Assert.Equal("سارة الحلبي", arabic.GetProperty("fullName").GetString());
        Assert.Contains("/api/v1/rsvp/", arabic.GetProperty("replyLinks").GetProperty("accept").GetString());
    }

    [Fact]
    public async Task Reschedule_then_cancel_raise_the_sequence_and_write_exactly_one_event_each()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, etag, _) = await scenario.ScheduleAsync(partner);

        var moved = await Send(partner, HttpMethod.Post, $"/api/v1/meetings/{id}/reschedule",
            new { startsAt = "2031-04-01T14:00:00+03:00", endsAt = "2031-04-01T16:00:00+03:00", location = "Belediye meclis salonu" }, etag);
        var movedBody = await moved.Content.ReadFromJsonAsync<JsonElement>();
        var cancelled = await Send(partner, HttpMethod.Post, $"/api/v1/meetings/{id}/cancel", new { reason = "Bayram tatili" }, moved.Headers.ETag!.Tag);
        var cancelledBody = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        var afterCancel = await Send(partner, HttpMethod.Post, $"/api/v1/meetings/{id}/reschedule",
            new { startsAt = "2031-05-01T14:00:00+03:00", endsAt = "2031-05-01T16:00:00+03:00" }, null);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, movedBody.GetProperty("sequence").GetInt32());
        Assert.Equal("2031-04-01T14:00:00+03:00", movedBody.GetProperty("startsAt").GetString());
        Assert.Equal(2, cancelledBody.GetProperty("sequence").GetInt32());
        Assert.Equal("cancelled", cancelledBody.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["MeetingScheduled", "MeetingRescheduled", "MeetingCancelled"], events.Select(e => e.Type));
        Assert.Equal(1, events[1].Body.GetProperty("meeting").GetProperty("sequence").GetInt32());
        Assert.Equal("Bayram tatili", events[2].Body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_changes_nothing()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, staleTag, _) = await scenario.ScheduleAsync(partner);
        await Send(partner, HttpMethod.Post, $"/api/v1/meetings/{id}/cancel", new { reason = "first" }, staleTag);

        var stale = await Send(partner, HttpMethod.Post, $"/api/v1/meetings/{id}/reschedule",
            new { startsAt = "2031-04-01T14:00:00+03:00", endsAt = "2031-04-01T16:00:00+03:00" }, staleTag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["MeetingScheduled", "MeetingCancelled"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Adding_and_removing_invitees_tell_only_that_person()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var newcomer = await partner.ContactAsync(scenario.Host, "Zeynep Kaya", "en");

        var added = await partner.PostAsync($"/api/v1/meetings/{id}/invitees/{newcomer}", null);
        var addedAgain = await partner.PostAsync($"/api/v1/meetings/{id}/invitees/{newcomer}", null);
        var removed = await partner.DeleteAsync($"/api/v1/meetings/{id}/invitees/{scenario.ArabicInvitee}");
        var removedAgain = await partner.DeleteAsync($"/api/v1/meetings/{id}/invitees/{scenario.ArabicInvitee}");
        var unknown = await partner.PostAsync($"/api/v1/meetings/{id}/invitees/{Guid.NewGuid()}", null);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, addedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["MeetingScheduled", "InviteeAdded", "InviteeRemoved"], events.Select(e => e.Type));
        Assert.Equal(newcomer, events[1].Body.GetProperty("invitee").GetProperty("contactId").GetGuid());
        Assert.Equal(scenario.ArabicInvitee, events[2].Body.GetProperty("invitee").GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task Meetings_are_listed_by_district_and_time_window_soonest_first()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner, "sultangazi");
        var day = new DateTimeOffset(2032, 6, 1, 7, 0, 0, TimeSpan.Zero);
        var later = await scenario.ScheduleAsync(partner, day.AddDays(2));
        var sooner = await scenario.ScheduleAsync(partner, day);
        await scenario.ScheduleAsync(partner, day.AddDays(30));

        var page = await partner.GetFromJsonAsync<JsonElement>(
            $"/api/v1/meetings?district=sultangazi&from={Uri.EscapeDataString("2032-06-01T00:00:00+03:00")}&to={Uri.EscapeDataString("2032-06-10T00:00:00+03:00")}");

        Assert.Equal([sooner.Id, later.Id], page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("endsAt", "{\"startsAt\":\"2031-03-10T12:00:00+03:00\",\"endsAt\":\"2031-03-10T10:00:00+03:00\"}")]
    [InlineData("startsAt", "{\"startsAt\":\"2031-03-10T12:00:00\"}")]
    [InlineData("district", "{\"district\":\"ankara\"}")]
    [InlineData("agenda[0].topic", "{\"agenda\":[{\"topic\":\"weather\",\"title\":\"x\"}]}")]
    [InlineData("onlineUrl", "{\"onlineUrl\":\"meet here\"}")]
    [InlineData("title", "{\"title\":\"\"}")]
    public async Task Bad_meeting_fields_get_400_with_the_field_named(string field, string overrides)
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var request = JsonSerializer.SerializeToNode(scenario.Request(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        foreach (var (key, value) in JsonNodeOf(overrides)) request[key] = value?.DeepClone();

        var response = await partner.PostAsJsonAsync("/api/v1/meetings", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task An_invitee_or_host_that_does_not_exist_gets_422_naming_it()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var ghost = Guid.NewGuid();

        var response = await partner.PostAsJsonAsync("/api/v1/meetings", scenario.Request(invitees: [scenario.TurkishInvitee, ghost]));
        var noHost = await partner.PostAsJsonAsync("/api/v1/meetings", (scenario with { Host = Guid.NewGuid() }).Request());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(ghost.ToString(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("inviteeContactIds")[0].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noHost.StatusCode);
    }

    [Fact]
    public async Task A_desk_cannot_schedule_or_read_meetings_of_another_district()
    {
        using var operations = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(operations, "gaziosmanpasa");
        var (id, _, _) = await scenario.ScheduleAsync(operations);
        using var umraniyeDesk = service.Partner("umraniye-desk", "meetings.read meetings.write", "umraniye");

        var schedule = await umraniyeDesk.PostAsJsonAsync("/api/v1/meetings", scenario.Request());
        var read = await umraniyeDesk.GetAsync($"/api/v1/meetings/{id}");
        var listed = await umraniyeDesk.GetFromJsonAsync<JsonElement>("/api/v1/meetings?pageSize=100");

        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        // City-wide meetings (district null) are every partner's; no other district's meeting is listed.
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(),
            m => m.GetProperty("district").ValueKind != JsonValueKind.Null && m.GetProperty("district").GetString() != "umraniye");
    }

    private static System.Text.Json.Nodes.JsonObject JsonNodeOf(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    internal static Task<HttpResponseMessage> Send(HttpClient partner, HttpMethod method, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return partner.SendAsync(request);
    }
}
