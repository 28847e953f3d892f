using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Meetings.ActionItems;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class OutcomeTests(MeetingsService service)
{
    [Fact]
    public async Task Attendance_names_only_invitees()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);

        var stranger = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { Guid.NewGuid() } });
        var recorded = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { scenario.TurkishInvitee } });
        var invitees = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitees").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.True(invitees.Single(i => i.GetProperty("contactId").GetGuid() == scenario.TurkishInvitee).GetProperty("attended").GetBoolean());
        Assert.False(invitees.Single(i => i.GetProperty("contactId").GetGuid() == scenario.ArabicInvitee).GetProperty("attended").GetBoolean());
    }

    [Fact]
    public async Task Recording_attendance_publishes_AttendanceRecorded_with_ids_only_once_per_change()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);

        var recorded = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { scenario.TurkishInvitee } });
        var same = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { scenario.TurkishInvitee } });
        var corrected = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { scenario.TurkishInvitee, scenario.ArabicInvitee } });
        var stranger = await partner.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { attendedContactIds = new[] { Guid.NewGuid() } });

        Assert.All(new[] { recorded, same, corrected }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["MeetingScheduled", "AttendanceRecorded", "AttendanceRecorded"], events.Select(e => e.Type));
        var first = events[1].Body;
        Assert.Equal(id, first.GetProperty("meetingId").GetGuid());
        Assert.Equal("umraniye", first.GetProperty("district").GetString());
        Assert.Equal([scenario.TurkishInvitee], first.GetProperty("attendedContactIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal([scenario.ArabicInvitee], first.GetProperty("absentContactIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Empty(events[2].Body.GetProperty("absentContactIds").EnumerateArray());
        // Ids and codes only: no names or addresses travel with it.
        Assert.Equal(["absentContactIds", "attendedContactIds", "district", "meetingId", "recordedAt"], first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Closing_or_dropping_an_action_item_publishes_ActionItemClosed_once()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner, "beykoz");
        var (meeting, _, _) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2031, 1, 5, 7, 0, 0, TimeSpan.Zero));
        (await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes", new
        {
            summary = "Eğitime erişim görüşüldü.",
            decisions = Array.Empty<string>(),
            actionItems = new[]
            {
                new { description = "Okul kayıt rehberini dağıtmak", ownerInstitutionId = scenario.Presenter, dueOn = "2031-02-01" },
                new { description = "Tercüman listesini güncellemek", ownerInstitutionId = scenario.Host, dueOn = "2031-03-01" },
            },
        })).EnsureSuccessStatusCode();
        var items = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/action-items?district=beykoz")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

        var done = await partner.PatchAsJsonAsync($"/api/v1/action-items/{items[0]}", new { status = "done" });
        var dropped = await partner.PatchAsJsonAsync($"/api/v1/action-items/{items[1]}", new { status = "dropped" });
        var again = await partner.PatchAsJsonAsync($"/api/v1/action-items/{items[1]}", new { status = "done" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var (type, body) = Assert.Single(await service.EventsOfAsync(items[0]));
        Assert.Equal("ActionItemClosed", type);
        Assert.Equal(items[0], body.GetProperty("actionItemId").GetGuid());
        Assert.Equal(meeting, body.GetProperty("meetingId").GetGuid());
        Assert.Equal(scenario.Presenter, body.GetProperty("ownerInstitutionId").GetGuid());
        Assert.Equal("done", body.GetProperty("status").GetString());
        var (droppedType, droppedBody) = Assert.Single(await service.EventsOfAsync(items[1]));
        Assert.Equal("ActionItemClosed", droppedType);
        Assert.Equal("dropped", droppedBody.GetProperty("status").GetString());
        Assert.Equal("beykoz", droppedBody.GetProperty("district").GetString());
        Assert.False(droppedBody.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Minutes_are_published_once_with_their_action_items_which_join_the_districts_next_agenda_until_closed()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner, "kucukcekmece");
        var (first, _, _) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2031, 1, 5, 7, 0, 0, TimeSpan.Zero));
        var minutes = new
        {
            summary = "Hukuki destek ve eğitime erişim görüşüldü.",
            decisions = new[] { "Toplantılar üç ayda bir tekrarlanacak." },
            actionItems = new[] { new { description = "Okul kayıt rehberini Arapçaya çevirmek", ownerInstitutionId = scenario.Presenter, dueOn = "2031-02-01" } },
        };

        var published = await partner.PostAsJsonAsync($"/api/v1/meetings/{first}/minutes", minutes);
        var again = await partner.PostAsJsonAsync($"/api/v1/meetings/{first}/minutes", minutes);
        var (next, _, nextBody) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2031, 4, 5, 7, 0, 0, TimeSpan.Zero));
        var item = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/action-items?district=kucukcekmece&status=open")).GetProperty("items")[0];
        var closed = await partner.PatchAsJsonAsync($"/api/v1/action-items/{item.GetProperty("id").GetGuid()}", new { status = "done" });
        var (afterClosing, _, afterBody) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2031, 7, 5, 7, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("held", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var events = await service.EventsOfAsync(first);
        Assert.Equal(["MeetingScheduled", "MinutesPublished"], events.Select(e => e.Type));
        Assert.Equal("Okul kayıt rehberini Arapçaya çevirmek", events[1].Body.GetProperty("actionItems")[0].GetProperty("description").GetString());
        Assert.Contains(nextBody.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains("Okul kayıt rehberini"));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.DoesNotContain(afterBody.GetProperty("agenda").EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains("Okul kayıt rehberini"));
        Assert.NotEqual(next, afterClosing);
    }

    [Fact]
    public async Task An_overdue_action_item_reminds_its_owners_once_a_day()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner, "esenyurt");
        var (meeting, _, _) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2021, 1, 5, 7, 0, 0, TimeSpan.Zero));
        await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes", new
        {
            summary = "Geçim kaynakları.",
            decisions = Array.Empty<string>(),
            actionItems = new[] { new { description = "Ruhsat başvurularını takip etmek", ownerInstitutionId = scenario.Presenter, dueOn = "2021-02-01" } },
        });
        var item = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/action-items?district=esenyurt")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var reminders = service.Services.GetRequiredService<OverdueActionItemReminders>();

        await reminders.RemindAsync(CancellationToken.None);
        await reminders.RemindAsync(CancellationToken.None);

        var (type, body) = Assert.Single(await service.EventsOfAsync(item));
        Assert.Equal("ActionItemOverdue", type);
        Assert.Equal("سارة الحلبي", body.GetProperty("recipients")[0].GetProperty("fullName").GetString());
    }
}
