using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ical.Net.DataTypes;
using MimeKit;
using MimeKit.Text;

namespace Platform.Notifications.Composition;

/// <summary>A message ready for SMTP, with the id it will keep through every retry.</summary>
public sealed record ComposedEmail(string Subject, string MessageId, byte[] Content);

/// <summary>Who invitations come from (the iCalendar ORGANIZER and the email's From).</summary>
public sealed class SenderOptions
{
    public string Name { get; set; } = "İstanbul Koordinasyon Platformu";
    public string Email { get; set; } = "koordinasyon@coordination-platform.example";
}

/// <summary>
/// Writes each email in the recipient's language: subject and HTML from the templates, a plain-text
/// twin, and for meetings the calendar part (text/calendar with its METHOD) plus the same .ics attached.
/// MimeKit encodes non-ASCII subjects and display names (RFC 2047), so Gaziosmanpaşa and Arabic survive.
/// </summary>
public sealed partial class EmailComposer(EmailTemplates templates, SenderOptions sender)
{
    private static readonly IReadOnlyDictionary<string, CultureInfo> Cultures = new Dictionary<string, CultureInfo>(StringComparer.Ordinal)
    {
        ["tr"] = CultureInfo.GetCultureInfo("tr-TR"),
        // Syrian Arabic: the Gregorian calendar (ar-SA would write Hijri dates).
        ["ar"] = CultureInfo.GetCultureInfo("ar-SY"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
    };

    public ComposedEmail Invitation(MeetingSnapshot meeting, Invitation invitee, bool isUpdate)
    {
        var model = new { recipient = new { name = invitee.FullName }, meeting = MeetingModel(meeting, invitee.Language), links = Links(invitee), is_update = isUpdate };
        var html = templates.RenderBody(Language(invitee.Language), "invitation", model);
        var calendar = CalendarInvitations.Create(CalendarInvitations.Request, meeting, invitee, Organizer(), PlainText(html));
        return Compose(invitee.FullName, invitee.Email, invitee.Language, isUpdate ? NotificationKinds.Update : NotificationKinds.Invitation, model, html, (CalendarInvitations.Request, calendar));
    }

    public ComposedEmail Cancellation(MeetingSnapshot meeting, Invitation invitee, string? reason, bool removed)
    {
        var model = new { recipient = new { name = invitee.FullName }, meeting = MeetingModel(meeting, invitee.Language), reason, removed };
        var html = templates.RenderBody(Language(invitee.Language), "cancellation", model);
        var calendar = CalendarInvitations.Create(CalendarInvitations.Cancel, meeting, invitee, Organizer(), PlainText(html));
        return Compose(invitee.FullName, invitee.Email, invitee.Language, NotificationKinds.Cancellation, model, html, (CalendarInvitations.Cancel, calendar));
    }

    public ComposedEmail Minutes(MinutesPublished minutes, Invitation invitee)
    {
        var culture = Culture(invitee.Language);
        var model = new
        {
            recipient = new { name = invitee.FullName },
            meeting = MeetingModel(minutes.Meeting, invitee.Language),
            summary = minutes.Summary,
            decisions = minutes.Decisions,
            actions = minutes.ActionItems.Select(a => new { description = a.Description, owner = a.OwnerInstitutionName, due = a.DueOn.ToString("d MMMM yyyy", culture) }).ToList(),
            documents = minutes.Documents.Select(d => new { name = d.FileName, size = FileSizes.Describe(d.SizeBytes, Language(invitee.Language), culture), url = d.Url }).ToList(),
        };
        var html = templates.RenderBody(Language(invitee.Language), "minutes", model);
        return Compose(invitee.FullName, invitee.Email, invitee.Language, NotificationKinds.Minutes, model, html, null);
    }

    public ComposedEmail Overdue(ActionItemOverdue overdue, Recipient recipient)
    {
        var model = new
        {
            recipient = new { name = recipient.FullName },
            item = new { description = overdue.Description, owner = overdue.OwnerInstitutionName, due = overdue.DueOn.ToString("d MMMM yyyy", Culture(recipient.Language)), meeting = overdue.MeetingTitle },
        };
        var html = templates.RenderBody(Language(recipient.Language), "overdue", model);
        return Compose(recipient.FullName, recipient.Email, recipient.Language, NotificationKinds.Overdue, model, html, null);
    }

    /// <summary>
    /// An invitation to a training session of the livelihoods programme, with a calendar event (iTIP
    /// REQUEST) of its own UID, in the woman's language.
    /// </summary>
    public ComposedEmail Training(TrainingScheduled training, TrainingInvitee invitee)
    {
        var session = new MeetingSnapshot
        {
            MeetingId = training.TrainingId, Sequence = 0, Title = training.Title, Kind = "training", District = training.District,
            HostInstitutionId = training.CohortId, HostInstitutionName = training.CohortName, StartsAt = training.StartsAt, EndsAt = training.EndsAt,
            TimeZone = "Europe/Istanbul", Location = training.Location, Status = "scheduled", Agenda = [],
        };
        var attendee = new Invitation
        {
            ContactId = invitee.EntrepreneurId, FullName = invitee.FullName, Email = invitee.Email, Language = invitee.Language, InstitutionName = training.CohortName,
            Reply = "pending", ReplyLinks = new ReplyLinks { Accept = "", Decline = "", Tentative = "" },
        };
        var model = new { recipient = new { name = invitee.FullName }, meeting = MeetingModel(session, invitee.Language), cohort = training.CohortName, topic = training.Topic };
        var html = templates.RenderBody(Language(invitee.Language), "training", model);
        var calendar = CalendarInvitations.Create(CalendarInvitations.Request, session, attendee, Organizer(), PlainText(html));
        return Compose(invitee.FullName, invitee.Email, invitee.Language, NotificationKinds.Training, model, html, (CalendarInvitations.Request, calendar));
    }

    /// <summary>A referral to the recipient's institution: its reference code, category and due date, never the person.</summary>
    public ComposedEmail Referral(ReferralMade referral, Recipient recipient)
    {
        var model = new
        {
            recipient = new { name = recipient.FullName },
            referral = new
            {
                code = referral.ReferenceCode, category = referral.Category, institution = referral.ToInstitutionName ?? "",
                district = Districts.Find(referral.FromDistrict)?.Name(Language(recipient.Language)) ?? referral.FromDistrict,
                due = referral.DueBy.ToString("d MMMM yyyy", Culture(recipient.Language)),
            },
        };
        var html = templates.RenderBody(Language(recipient.Language), "referral", model);
        return Compose(recipient.FullName, recipient.Email, recipient.Language, NotificationKinds.Referral, model, html, null);
    }

    /// <summary>To the referring desk: the reference code and the outcome, never the reason or the outcome's text.</summary>
    public ComposedEmail ReferralAnswered(ReferralAnswered answer, Recipient recipient)
    {
        var language = Language(recipient.Language);
        var model = new
        {
            recipient = new { name = recipient.FullName },
            referral = new
            {
                code = answer.ReferenceCode, category = answer.Category ?? "", institution = answer.ToInstitutionName ?? "",
                district = answer.FromDistrict is { } district ? Districts.Find(district)?.Name(language) ?? district : "",
                outcome = Outcome(answer.Outcome, language),
            },
        };
        var html = templates.RenderBody(language, NotificationKinds.ReferralAnswered, model);
        return Compose(recipient.FullName, recipient.Email, recipient.Language, NotificationKinds.ReferralAnswered, model, html, null);
    }

    /// <summary>To the receiving institution, once: the referral is past its due date.</summary>
    public ComposedEmail ReferralReminder(ReferralOverdue overdue, Recipient recipient)
    {
        var language = Language(recipient.Language);
        var model = new
        {
            recipient = new { name = recipient.FullName },
            referral = new
            {
                code = overdue.ReferenceCode, category = overdue.Category, institution = overdue.ToInstitutionName,
                district = Districts.Find(overdue.FromDistrict)?.Name(language) ?? overdue.FromDistrict,
                due = overdue.DueBy.ToString("d MMMM yyyy", Culture(language)),
            },
        };
        var html = templates.RenderBody(language, NotificationKinds.ReferralReminder, model);
        return Compose(recipient.FullName, recipient.Email, recipient.Language, NotificationKinds.ReferralReminder, model, html, null);
    }

    /// <summary>To the receiving desk: a case is to be taken over. The codes and the districts, never the person or the reason.</summary>
    public ComposedEmail Transfer(CaseTransferRequested transfer, Recipient recipient)
    {
        var language = Language(recipient.Language);
        var model = new
        {
            recipient = new { name = recipient.FullName },
            transfer = new
            {
                code = transfer.ReferenceCode, case_code = transfer.CaseReference, institution = transfer.ToInstitutionName ?? "",
                from = Districts.Find(transfer.FromDistrict)?.Name(language) ?? transfer.FromDistrict,
                to = Districts.Find(transfer.ToDistrict)?.Name(language) ?? transfer.ToDistrict,
            },
        };
        var html = templates.RenderBody(language, NotificationKinds.Transfer, model);
        return Compose(recipient.FullName, recipient.Email, recipient.Language, NotificationKinds.Transfer, model, html, null);
    }

    private static string Outcome(string outcome, string language) => (outcome, language) switch
    {
        ("accepted", "ar") => "قُبلت", ("declined", "ar") => "رُفضت", ("completed", "ar") => "اكتملت",
        ("accepted", "en") => "accepted", ("declined", "en") => "declined", ("completed", "en") => "completed",
        ("accepted", _) => "kabul edildi", ("declined", _) => "reddedildi", ("completed", _) => "tamamlandı",
        _ => outcome,
    };

    private ComposedEmail Compose(string name, string email, string language, string kind, object model, string htmlBody, (string Method, string Ics)? calendar)
    {
        language = Language(language);
        var subject = templates.RenderSubject(language, kind, model);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(sender.Name, sender.Email));
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("coordination-platform");
        message.Headers.Add(HeaderId.ContentLanguage, language);

        var direction = language == "ar" ? "rtl" : "ltr";
        var html = $"<!doctype html>\n<html lang=\"{language}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"></head>\n<body dir=\"{direction}\">\n{htmlBody}\n</body></html>";
        var alternative = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = PlainText(htmlBody) },
            new TextPart(TextFormat.Html) { Text = html },
        };
        if (calendar is { } ics)
        {
            var inline = new TextPart("calendar") { Text = ics.Ics };
            inline.ContentType.Parameters.Add("method", ics.Method);
            alternative.Add(inline);
            var attachment = new MimePart("application", "ics")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics.Ics))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = ics.Method == CalendarInvitations.Cancel ? "cancel.ics" : "invite.ics",
            };
            message.Body = new Multipart("mixed") { alternative, attachment };
        }
        else
        {
            message.Body = alternative;
        }

        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer);
        return new ComposedEmail(subject, message.MessageId, buffer.ToArray());
    }

    private object MeetingModel(MeetingSnapshot meeting, string language)
    {
        var culture = Culture(language);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
        return new
        {
            title = meeting.Title,
            host = meeting.HostInstitutionName,
            // A platform workshop has no district: its invitees come from every district.
            city_wide = meeting.District is null,
            when = TimeZoneInfo.ConvertTime(meeting.StartsAt, zone).ToString("dddd d MMMM yyyy HH:mm", culture),
            until = TimeZoneInfo.ConvertTime(meeting.EndsAt, zone).ToString("HH:mm", culture),
            location = meeting.Location,
            online_url = meeting.OnlineUrl,
            agenda = meeting.Agenda.Select(a => new { title = a.Title, presenter = a.PresenterInstitutionName }).ToList(),
        };
    }

    private static object Links(Invitation invitee) =>
        new { accept = invitee.ReplyLinks.Accept, decline = invitee.ReplyLinks.Decline, tentative = invitee.ReplyLinks.Tentative };

    private Organizer Organizer() => new($"mailto:{sender.Email}") { CommonName = sender.Name };

    private static string Language(string language) => Cultures.ContainsKey(language) ? language : "tr";

    private static CultureInfo Culture(string language) => Cultures[Language(language)];

    /// <summary>The plain-text twin of a template's HTML: paragraphs and list items on their own lines, links spelled out.</summary>
    public static string PlainText(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups[2].Value}: {m.Groups[1].Value}");
        text = ListItem().Replace(text, "\n- ");
        text = BlockEnd().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) + "\n";
    }

    [GeneratedRegex("<a href=\"([^\"]*)\">(.*?)</a>")] private static partial Regex Link();
    [GeneratedRegex("<li>")] private static partial Regex ListItem();
    [GeneratedRegex("</(p|h2|h3|li|ol|ul)>|<br ?/?>")] private static partial Regex BlockEnd();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tag();
}
