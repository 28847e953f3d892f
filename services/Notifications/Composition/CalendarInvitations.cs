using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Platform.Notifications.Composition;

/// <summary>
/// The iCalendar part (RFC 5545, iTIP RFC 5546) that makes an email a meeting in Outlook, Gmail or
/// Thunderbird: one stable UID per meeting, SEQUENCE from the meeting, times in Europe/Istanbul with
/// its VTIMEZONE, the organizer, and the one invitee as ATTENDEE with RSVP.
/// </summary>
public static class CalendarInvitations
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string UidOf(Guid meetingId) => $"{meetingId}@coordination-platform";

    public static string Create(string method, MeetingSnapshot meeting, Invitation invitee, Organizer organizer, string description)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//Coordination Platform//Meetings//TR" };
        // The zone with its rules (STANDARD +03:00 since 2016), so clients need no zone database of their own.
        var earliest = (meeting.StartsAt.UtcDateTime < DateTime.UtcNow ? meeting.StartsAt.UtcDateTime : DateTime.UtcNow).AddYears(-1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(meeting.TimeZone, earliest, includeHistoricalData: false));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
        var calendarEvent = new CalendarEvent
        {
            Uid = UidOf(meeting.MeetingId),
            Sequence = meeting.Sequence,
            Summary = meeting.Title,
            DtStart = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.StartsAt, zone).DateTime, meeting.TimeZone),
            DtEnd = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.EndsAt, zone).DateTime, meeting.TimeZone),
            DtStamp = new CalDateTime(DateTime.UtcNow, "UTC"),
            Location = meeting.Location ?? meeting.OnlineUrl,
            Description = description,
            Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = organizer,
        };
        if (meeting.OnlineUrl is not null) calendarEvent.Url = new Uri(meeting.OnlineUrl);
        calendarEvent.Attendees.Add(new Attendee($"mailto:{invitee.Email}")
        {
            CommonName = invitee.FullName,
            Rsvp = method == Request,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = method == Cancel ? "DECLINED" : "NEEDS-ACTION",
        });
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
