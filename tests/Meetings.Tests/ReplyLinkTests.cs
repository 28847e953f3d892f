using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class ReplyLinkTests(MeetingsService service)
{
    [Fact]
    public async Task Opening_every_reply_link_as_a_mail_scanner_does_records_nothing_and_shows_the_meeting_with_three_buttons_that_post()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        using var scanner = service.Anonymous();

        var pages = new Dictionary<string, HttpResponseMessage>();
        foreach (var reply in new[] { "accept", "decline", "tentative" })
            pages[reply] = await scanner.SendAsync(new HttpRequestMessage(HttpMethod.Get, await LinkAsync(id, scenario.TurkishInvitee, reply)) { Headers = { { "Accept", "text/html" } } });
        var withoutAccept = await scanner.GetAsync(await LinkAsync(id, scenario.TurkishInvitee, "accept"));
        var html = await pages["accept"].Content.ReadAsStringAsync();
        var meeting = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");

        Assert.All(pages.Values.Append(withoutAccept), page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        });
        Assert.Equal("pending", ReplyOf(meeting, scenario.TurkishInvitee));
        Assert.Equal(["MeetingScheduled"], (await service.EventsOfAsync(id)).Select(e => e.Type));
        Assert.Contains("<html lang=\"tr\" dir=\"ltr\">", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("İlçe Koordinasyon Toplantısı", html);
        Assert.Contains("Kaymakamlık toplantı salonu", html);
        Assert.Contains("href=\"https://meet.example.org/koordinasyon\"", html);
        Assert.Contains("Henüz yanıt vermediniz", html);
        Assert.Equal(3, html.Split("<form method=\"post\">").Length - 1);
        Assert.Contains("<input type=\"hidden\" name=\"reply\" value=\"accept\"><button type=\"submit\" class=\"suggested\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"reply\" value=\"decline\"><button type=\"submit\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("value=\"decline\"><button type=\"submit\" class=\"suggested\">", await pages["decline"].Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reply_page_forbids_everything_it_does_not_need_and_is_never_cached()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);

        var page = await service.Anonymous().GetAsync(await LinkAsync(id, scenario.TurkishInvitee, "accept"));

        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("style-src 'unsafe-inline'", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.True(page.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task The_arabic_invitees_page_is_arabic_and_reads_right_to_left()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);

        var html = await (await service.Anonymous().GetAsync(await LinkAsync(id, scenario.ArabicInvitee, "accept"))).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("سأحضر", html);
        Assert.Contains("بتوقيت إسطنبول", html);
    }

    [Fact]
    public async Task Every_value_on_the_reply_page_is_html_encoded()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var scheduled = await partner.PostAsJsonAsync("/api/v1/meetings", scenario.Request(title: "<script>alert(1)</script> \"Koordinasyon\" & 'Toplantı'"));
        var id = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var html = await (await service.Anonymous().GetAsync(await LinkAsync(id, scenario.TurkishInvitee, "accept"))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Koordinasyon&quot; &amp; ", html);
        Assert.DoesNotContain("'Toplantı'", html);
        Assert.Contains("Toplantı", html);
    }

    [Fact]
    public async Task Pressing_a_button_of_the_page_records_that_reply_and_shows_the_confirmation()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        // The page of the accept link posts to its own address, ?reply=accept included: the button pressed decides.
        var accept = await LinkAsync(id, scenario.TurkishInvitee, "accept");
        using var browser = service.Anonymous();

        var pressed = await browser.PostAsync(accept, new FormUrlEncodedContent([new("reply", "decline")]));
        var again = await browser.PostAsync(accept, new FormUrlEncodedContent([new("reply", "decline")]));
        var html = await pressed.Content.ReadAsStringAsync();
        var meeting = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("text/html; charset=utf-8", pressed.Content.Headers.ContentType!.ToString());
        Assert.Contains("Katılamayacağınız kaydedildi", html);
        Assert.Equal(3, html.Split("<form method=\"post\">").Length - 1);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("declined", ReplyOf(meeting, scenario.TurkishInvitee));
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["MeetingScheduled", "InvitationAnswered"], events.Select(e => e.Type));
        Assert.Equal("declined", events[1].Body.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task An_api_client_records_a_reply_by_post_with_the_query_or_json_without_a_login_and_tells_once()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var accept = await LinkAsync(id, scenario.ArabicInvitee, "accept");
        using var client = service.Anonymous();

        var first = await client.PostAsync(accept, null);
        var second = await client.PostAsync(accept, null);
        var changed = await client.PostAsJsonAsync(accept.Split('?')[0], new { reply = "tentative" });
        var meeting = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("tentative", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString());
        Assert.Equal("tentative", ReplyOf(meeting, scenario.ArabicInvitee));
        Assert.Equal(["MeetingScheduled", "InvitationAnswered", "InvitationAnswered"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task An_unreadable_reply_is_refused_with_400_and_records_nothing()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var path = (await LinkAsync(id, scenario.TurkishInvitee, "accept")).Split('?')[0];
        using var client = service.Anonymous();

        var truncated = await client.PostAsync(path, new StringContent("{\"reply\":", System.Text.Encoding.UTF8, "application/json"));
        var array = await client.PostAsync(path, new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.PostAsJsonAsync(path, new { reply = "maybe" });
        var none = await client.PostAsync(path, null);
        var unknownFromPage = await client.PostAsync(path, new FormUrlEncodedContent([new("reply", "yes")]));

        Assert.All(new[] { truncated, array, unknown, none }, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownFromPage.StatusCode);
        Assert.Equal("text/html", unknownFromPage.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["MeetingScheduled"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task The_link_of_a_cancelled_meeting_says_so_and_records_nothing()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var (id, _, _) = await scenario.ScheduleAsync(partner);
        var accept = await LinkAsync(id, scenario.TurkishInvitee, "accept");
        (await partner.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { reason = "Ertelendi" })).EnsureSuccessStatusCode();
        using var client = service.Anonymous();

        var page = await client.GetAsync(accept);
        var posted = await client.PostAsync(accept, null);

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("Toplantı iptal edildi", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Equal(["MeetingScheduled", "MeetingCancelled"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    private static string ReplyOf(JsonElement meeting, Guid contact) =>
        meeting.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("contactId").GetGuid() == contact).GetProperty("reply").GetString()!;

    /// <summary>The link exactly as the invitation email would carry it (from the MeetingScheduled event).</summary>
    private async Task<string> LinkAsync(Guid meeting, Guid contact, string reply)
    {
        var scheduled = (await service.EventsOfAsync(meeting)).First(e => e.Type == "MeetingScheduled").Body;
        var link = scheduled.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("contactId").GetGuid() == contact)
            .GetProperty("replyLinks").GetProperty(reply).GetString()!;
        return new Uri(link).PathAndQuery;
    }
}
