using Platform.Meetings.Invitations;

namespace Platform.Meetings.IntegrationEvents;

/// <summary>
/// Builds what the meeting events carry (the meeting as it stands, each invitee with name, email,
/// language and reply links), so that notifications can write every email without calling back.
/// </summary>
public sealed class MeetingSnapshots(MeetingsDbContext db, LinkSigner links)
{
    public async Task<MeetingSnapshot> SnapshotAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var institutionIds = meeting.Agenda.Where(a => a.PresenterInstitutionId is not null).Select(a => a.PresenterInstitutionId!.Value)
            .Append(meeting.HostInstitutionId).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        return new MeetingSnapshot
        {
            MeetingId = meeting.Id,
            Sequence = meeting.Sequence,
            Title = meeting.Title,
            Kind = meeting.Kind,
            District = meeting.District,
            HostInstitutionId = meeting.HostInstitutionId,
            HostInstitutionName = names.GetValueOrDefault(meeting.HostInstitutionId, ""),
            StartsAt = meeting.StartsAt.ToIstanbul(),
            EndsAt = meeting.EndsAt.ToIstanbul(),
            TimeZone = IstanbulTime.ZoneId,
            Location = meeting.Location,
            OnlineUrl = meeting.OnlineUrl,
            Status = meeting.Status,
            Agenda = meeting.Agenda.OrderBy(a => a.Position).Select(a => new AgendaEntry
            {
                Position = a.Position,
                Topic = a.Topic,
                Title = a.Title,
                PresenterInstitutionName = a.PresenterInstitutionId is { } presenter ? names.GetValueOrDefault(presenter) : null,
            }).ToList(),
        };
    }

    /// <summary>Invitations of the given invitees (all current invitees when none are named).</summary>
    public async Task<IReadOnlyList<Invitation>> InvitationsAsync(Meeting meeting, IEnumerable<Invitee>? invitees, CancellationToken cancellationToken)
    {
        var chosen = (invitees ?? meeting.Invitees).ToList();
        var contactIds = chosen.Select(i => i.ContactId).ToList();
        var people = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Join(db.Institutions, c => c.InstitutionId, i => i.Id, (c, i) => new { Contact = c, InstitutionName = i.Name })
            .ToDictionaryAsync(x => x.Contact.Id, cancellationToken);
        return chosen.Where(i => people.ContainsKey(i.ContactId)).Select(invitee =>
        {
            var person = people[invitee.ContactId];
            return new Invitation
            {
                ContactId = invitee.ContactId,
                FullName = person.Contact.FullName,
                Email = person.Contact.Email,
                Language = person.Contact.Language,
                InstitutionName = person.InstitutionName,
                Reply = invitee.Reply,
                ReplyLinks = links.ReplyLinksFor(meeting.Id, invitee.ContactId, meeting.EndsAt),
            };
        }).ToList();
    }
}
