using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using MimeKit;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class EmailTests(NotificationsService service)
{
    [Theory]
    [InlineData("tr", "Davet:", "Cumartesi 1 Mart 2031 10:00", "ltr")]
    [InlineData("ar", "دعوة:", "السبت 1 آذار 2031 10:00", "rtl")]
    [InlineData("en", "Invitation:", "Saturday 1 March 2031 10:00", "ltr")]
    public async Task An_invitation_is_a_real_calendar_request_in_the_invitees_language(string language, string subjectStart, string when, string direction)
    {
        var invitee = Events.Invitee(language);
        var meeting = Events.Meeting(startsAt: new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.FromHours(3)));

        await service.PublishAsync(new MeetingScheduled { Meeting = meeting, Invitees = [invitee] });
        var email = Assert.Single(await service.WaitForMailAsync(invitee.Email, 1));

        Assert.StartsWith(subjectStart, email.Subject);
        Assert.Contains("Gaziosmanpaşa İlçe Koordinasyon Toplantısı", email.Subject);
        Assert.Contains(when, email.Subject);
        Assert.Equal(invitee.FullName, email.To.Mailboxes.Single().Name);
        Assert.Equal("İstanbul Koordinasyon Platformu", email.From.Mailboxes.Single().Name);
        Assert.Contains($"lang=\"{language}\" dir=\"{direction}\"", email.HtmlBody);
        Assert.Contains(invitee.FullName, email.HtmlBody);
        Assert.Contains(invitee.ReplyLinks.Accept, email.TextBody);

        var calendarPart = email.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", calendarPart.ContentType.Parameters["method"]);
        var attachment = Assert.Single(email.Attachments.OfType<MimePart>());
        Assert.Equal("invite.ics", attachment.FileName);
        var calendar = Calendar.Load(calendarPart.Text)!;
        var evt = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"{meeting.MeetingId}@coordination-platform", evt.Uid);
        Assert.Equal(0, evt.Sequence);
        Assert.Equal("Europe/Istanbul", evt.DtStart!.TzId);
        Assert.Equal(new DateTime(2031, 3, 1, 10, 0, 0), evt.DtStart.Value);
        Assert.Equal(new DateTime(2031, 3, 1, 13, 0, 0), evt.DtEnd!.Value);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Istanbul", zone.TzId);
        Assert.Contains("TZOFFSETTO:+0300", calendarPart.Text);
        Assert.Equal("mailto:koordinasyon@coordination-platform.example", evt.Organizer!.Value!.ToString());
        var attendee = Assert.Single(evt.Attendees);
        Assert.Equal($"mailto:{invitee.Email}", attendee.Value!.ToString());
        Assert.True(attendee.Rsvp);
        Assert.Equal(invitee.FullName, attendee.CommonName);
        Assert.Equal(meeting.Location, evt.Location);
        Assert.Contains("Mültecilere Sağlanan Hukuki Destek", evt.Description);
        Assert.Contains(invitee.ReplyLinks.Decline, evt.Description);
    }

    [Theory]
    [InlineData("tr", "İstanbul Koordinasyon Platformu'nun il geneli çalıştayıdır")]
    [InlineData("ar", "على مستوى مدينة إسطنبول")]
    [InlineData("en", "city-wide workshop of the Istanbul Coordination Platform")]
    public async Task A_city_wide_workshop_invitation_says_so_in_the_invitees_language_and_a_district_meeting_does_not(string language, string cityWide)
    {
        var workshopInvitee = Events.Invitee(language);
        var districtInvitee = Events.Invitee(language);
        var workshop = Events.Meeting() with { Kind = "platform-workshop", District = null, Title = "Koordinasyon Platformu Çalıştayı" };

        await service.PublishAsync(new MeetingScheduled { Meeting = workshop, Invitees = [workshopInvitee] });
        await service.PublishAsync(new MeetingScheduled { Meeting = Events.Meeting(), Invitees = [districtInvitee] });
        var workshopEmail = Assert.Single(await service.WaitForMailAsync(workshopInvitee.Email, 1));
        var districtEmail = Assert.Single(await service.WaitForMailAsync(districtInvitee.Email, 1));

        Assert.Contains(cityWide, workshopEmail.HtmlBody);
        Assert.Contains(cityWide, workshopEmail.TextBody);
        Assert.Equal("REQUEST", workshopEmail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").ContentType.Parameters["method"]);
        Assert.DoesNotContain(cityWide, districtEmail.HtmlBody);
    }

    [Fact]
    public async Task Reschedule_keeps_the_uid_with_a_higher_sequence_and_cancel_says_CANCEL()
    {
        var invitee = Events.Invitee("tr");
        var id = Guid.NewGuid();
        await service.PublishAsync(new MeetingScheduled { Meeting = Events.Meeting(id), Invitees = [invitee] });
        await service.WaitForMailAsync(invitee.Email, 1);
        await service.PublishAsync(new MeetingRescheduled
        {
            Meeting = Events.Meeting(id, sequence: 1, startsAt: new DateTimeOffset(2031, 1, 14, 10, 0, 0, TimeSpan.FromHours(3))),
            Invitees = [invitee], PreviousStartsAt = DateTimeOffset.UtcNow, PreviousEndsAt = DateTimeOffset.UtcNow,
        });
        await service.WaitForMailAsync(invitee.Email, 2);
        await service.PublishAsync(new MeetingCancelled { Meeting = Events.Meeting(id, sequence: 2, status: "cancelled"), Invitees = [invitee], Reason = "Bayram" });

        var mail = await service.WaitForMailAsync(invitee.Email, 3);
        var calendars = mail.Select(m => Calendar.Load(m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text)!).ToList();

        Assert.All(calendars, c => Assert.Equal($"{id}@coordination-platform", c.Events.Single().Uid));
        Assert.Equal([0, 1, 2], calendars.Select(c => c.Events.Single().Sequence));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
        Assert.Equal("CANCELLED", calendars[2].Events.Single().Status);
        Assert.StartsWith("Güncellendi:", mail[1].Subject);
        Assert.StartsWith("İptal:", mail[2].Subject);
        Assert.Contains("Bayram", mail[2].TextBody);
    }

    [Fact]
    public async Task A_removed_invitee_alone_gets_a_cancel_and_a_new_invitee_the_current_invitation()
    {
        var stays = Events.Invitee("en");
        var leaves = Events.Invitee("ar");
        var joins = Events.Invitee("tr");
        var meeting = Events.Meeting(sequence: 0);

        await service.PublishAsync(new InviteeRemoved { Meeting = meeting, Invitee = leaves });
        await service.PublishAsync(new InviteeAdded { Meeting = meeting, Invitee = joins });
        var cancel = Assert.Single(await service.WaitForMailAsync(leaves.Email, 1));
        var invitation = Assert.Single(await service.WaitForMailAsync(joins.Email, 1));

        Assert.Equal("CANCEL", cancel.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").ContentType.Parameters["method"]);
        Assert.Contains("سحب دعوتكم", cancel.TextBody);
        Assert.Equal("REQUEST", invitation.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").ContentType.Parameters["method"]);
        Assert.Empty(await service.InboxOfAsync(stays.Email));
    }

    [Fact]
    public async Task Minutes_bring_the_decisions_and_action_items_in_each_language()
    {
        var turkish = Events.Invitee("tr");
        var arabic = Events.Invitee("ar");
        await service.PublishAsync(new MinutesPublished
        {
            Meeting = Events.Meeting(status: "held"),
            Invitees = [turkish, arabic],
            Summary = "Hukuki destek ve sağlık hizmetlerine erişim görüşüldü.",
            Decisions = ["Toplantılar üç ayda bir yapılacak."],
            ActionItems = [new ActionItemSummary { ActionItemId = Guid.NewGuid(), Description = "Sağlık rehberini Arapçaya çevirmek", OwnerInstitutionId = Guid.NewGuid(), OwnerInstitutionName = "WALD", DueOn = new DateOnly(2031, 2, 1) }],
            AttendedContactIds = [turkish.ContactId],
            PublishedAt = DateTimeOffset.UtcNow,
        });

        var tr = Assert.Single(await service.WaitForMailAsync(turkish.Email, 1));
        var ar = Assert.Single(await service.WaitForMailAsync(arabic.Email, 1));

        Assert.StartsWith("Toplantı tutanağı:", tr.Subject);
        Assert.Contains("Toplantılar üç ayda bir yapılacak.", tr.TextBody);
        Assert.Contains("Sağlık rehberini Arapçaya çevirmek – WALD, son tarih 1 Şubat 2031", tr.TextBody);
        Assert.StartsWith("محضر الاجتماع:", ar.Subject);
        Assert.Contains("dir=\"rtl\"", ar.HtmlBody);
        Assert.Contains("1 شباط 2031", ar.TextBody);
        Assert.DoesNotContain(tr.BodyParts, p => p.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task Minutes_list_the_meetings_documents_with_their_links_and_sizes_in_each_language()
    {
        var (turkish, arabic, english) = (Events.Invitee("tr"), Events.Invitee("ar"), Events.Invitee("en"));
        var pdf = new DocumentLink
        {
            DocumentId = Guid.NewGuid(), FileName = "Tutanak eki – Ümraniye.pdf", ContentType = "application/pdf", SizeBytes = 1_258_291,
            Url = "https://api.example.org/api/v1/document-links/AAEC.signed",
        };
        var sheet = new DocumentLink
        {
            DocumentId = Guid.NewGuid(), FileName = "قائمة الحضور.xlsx", ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SizeBytes = 2_560,
            Url = "https://api.example.org/api/v1/document-links/AAED.signed",
        };
        await service.PublishAsync(new MinutesPublished
        {
            Meeting = Events.Meeting(status: "held"),
            Invitees = [turkish, arabic, english],
            Summary = "Belgeler paylaşıldı.",
            Decisions = [],
            ActionItems = [],
            AttendedContactIds = [],
            PublishedAt = DateTimeOffset.UtcNow,
            Documents = [pdf, sheet],
        });

        var tr = Assert.Single(await service.WaitForMailAsync(turkish.Email, 1));
        var ar = Assert.Single(await service.WaitForMailAsync(arabic.Email, 1));
        var en = Assert.Single(await service.WaitForMailAsync(english.Email, 1));

        Assert.Contains("Belgeler", tr.HtmlBody);
        Assert.Contains($"<a href=\"{pdf.Url}\">Tutanak eki – Ümraniye.pdf</a> (1,2 MB)", tr.HtmlBody);
        Assert.Contains($"Tutanak eki – Ümraniye.pdf: {pdf.Url}", tr.TextBody);
        Assert.Contains("(2,5 KB)", tr.HtmlBody);
        Assert.Contains("المستندات", ar.HtmlBody);
        Assert.Contains("dir=\"rtl\"", ar.HtmlBody);
        Assert.Contains($"<a href=\"{sheet.Url}\"><bdi>قائمة الحضور.xlsx</bdi></a>", ar.HtmlBody);
        Assert.Contains("(<bdi>1٫2 ميغابايت</bdi>)", ar.HtmlBody);
        Assert.Contains($"<a href=\"{pdf.Url}\">Tutanak eki – Ümraniye.pdf</a> (1.2 MB)", en.HtmlBody);
        Assert.Contains($"قائمة الحضور.xlsx: {sheet.Url}", en.TextBody);
    }

    [Fact]
    public async Task Minutes_without_documents_have_no_document_list()
    {
        var invitee = Events.Invitee("en");
        await service.PublishAsync(new MinutesPublished
        {
            Meeting = Events.Meeting(status: "held"), Invitees = [invitee], Summary = "Short meeting.", Decisions = [], ActionItems = [],
            AttendedContactIds = [], PublishedAt = DateTimeOffset.UtcNow,
        });

        var minutes = Assert.Single(await service.WaitForMailAsync(invitee.Email, 1));

        Assert.DoesNotContain("Documents", minutes.HtmlBody);
        Assert.DoesNotContain("document-links", minutes.HtmlBody);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_sends_one_email_per_recipient()
    {
        var invitee = Events.Invitee("en");
        var scheduled = new MeetingScheduled { Meeting = Events.Meeting(), Invitees = [invitee] };
        var messageId = Guid.NewGuid();

        await service.PublishAsync(scheduled, messageId);
        await service.PublishAsync(scheduled, messageId);
        await service.WaitForMailAsync(invitee.Email, 1);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(await service.InboxOfAsync(invitee.Email));
    }

    [Fact]
    public async Task The_delivery_log_shows_who_got_what_by_meeting()
    {
        var invitee = Events.Invitee("tr");
        var meeting = Events.Meeting();
        await service.PublishAsync(new MeetingScheduled { Meeting = meeting, Invitees = [invitee] });
        await service.WaitForMailAsync(invitee.Email, 1);
        using var operations = service.Partner();

        var log = await Eventually.GetAsync(
            () => operations.GetFromJsonAsync<JsonElement>($"/api/v1/notifications?subjectId={meeting.MeetingId}"),
            page => page.GetProperty("items").GetArrayLength() == 1 && page.GetProperty("items")[0].GetProperty("status").GetString() == "Sent",
            TimeSpan.FromSeconds(10), "the log to show the email sent");
        var unauthorized = await service.Partner("meetings.read").GetAsync($"/api/v1/notifications?subjectId={meeting.MeetingId}");

        var row = log.GetProperty("items")[0];
        Assert.Equal(invitee.Email, row.GetProperty("recipientEmail").GetString());
        Assert.Equal("invitation", row.GetProperty("kind").GetString());
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("smtpResponse").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, unauthorized.StatusCode);
    }
}
