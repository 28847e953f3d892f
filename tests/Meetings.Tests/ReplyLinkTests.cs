using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class ReplyLinkTests(MeetingsService service)
{
    [Fact]
    public async Task Following_a_reply_link_records_the_reply_without_a_login_and_tells_once()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var accept = await LinkAsync(id, scenario.ArabicInvitee, "accept");
        using var browser = service.Anonymous();

        var first = await browser.GetAsync(accept);
        var second = await browser.GetAsync(accept);
        var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, accept) { Headers = { { "Accept", "text/html" } } });
        var meeting = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("dir=\"rtl\"", await page.Content.ReadAsStringAsync());
        Assert.Equal("accepted", meeting.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("contactId").GetGuid() == scenario.ArabicInvitee).GetProperty("reply").GetString());
        Assert.Equal(["MeetingScheduled", "InvitationAnswered"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_forged_link_is_refused_with_403()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var accept = await LinkAsync(id, scenario.TurkishInvitee, "accept");
        var token = accept.Split("/rsvp/")[1].Split('?')[0];
        // Same payload, signature of another meeting's link: a made-up or tampered link.
        var forged = accept.Replace(token, token[..token.IndexOf('.')] + "." + new string('A', 43));

        var response = await service.Anonymous().GetAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await service.EventsOfAsync(id));
    }

    [Fact]
    public async Task A_link_of_a_meeting_that_is_over_is_refused_with_410()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner, new DateTimeOffset(2021, 1, 7, 7, 0, 0, TimeSpan.Zero));
        var accept = await LinkAsync(id, scenario.TurkishInvitee, "accept");

        var response = await service.Anonymous().GetAsync(accept);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Single(await service.EventsOfAsync(id));
    }

    /// <summary>The link exactly as the invitation email would carry it (from the MeetingScheduled event).</summary>
    private async Task<string> LinkAsync(Guid meeting, Guid contact, string reply)
    {
        var scheduled = (await service.EventsOfAsync(meeting)).First(e => e.Type == "MeetingScheduled").Body;
        var link = scheduled.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("contactId").GetGuid() == contact)
            .GetProperty("replyLinks").GetProperty(reply).GetString()!;
        return new Uri(link).PathAndQuery;
    }
}
