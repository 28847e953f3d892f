using Platform.Meetings.Apis;

namespace Platform.Meetings.Scheduling;

/// <summary>What scheduling came to: a meeting, or the fields that were wrong (400) or named nothing that exists (422).</summary>
public sealed record ScheduleOutcome(Meeting? Meeting, Dictionary<string, string[]>? InvalidFields = null, Dictionary<string, string[]>? UnknownReferences = null);

/// <summary>
/// Schedules a meeting: checks the request, carries the district's open action items into the agenda,
/// and writes the meeting with its <see cref="MeetingScheduled"/> event in one transaction.
/// </summary>
public sealed class MeetingScheduling(MeetingsDbContext db, MeetingSnapshots snapshots, TimeProvider clock)
{
    public async Task<ScheduleOutcome> ScheduleAsync(ScheduleMeetingRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title)) errors["title"] = ["A title is required."];
        else if (request.Title.Trim().Length > Validation.TitleMaxLength) errors["title"] = [$"At most {Validation.TitleMaxLength} characters."];
        if (request.Kind is null || !MeetingKinds.All.Contains(request.Kind)) errors["kind"] = [$"The kind must be one of: {string.Join(", ", MeetingKinds.All)}."];
        if (request.Kind is not null && MeetingKinds.IsCityWide(request.Kind))
        {
            if (request.District is not null) errors["district"] = ["A platform workshop is city-wide: leave the district out."];
        }
        else if (request.District is null || !Districts.Codes.Contains(request.District))
            errors["district"] = ["A meeting takes place in an Istanbul district: give its code (e.g. umraniye); only a platform-workshop is city-wide."];
        if (request.HostInstitutionId is null) errors["hostInstitutionId"] = ["The host institution is required."];
        MeetingHttp.ValidateTimes(request.StartsAt, request.EndsAt, errors, out var startsAt, out var endsAt);
        if (string.IsNullOrWhiteSpace(request.Location) && string.IsNullOrWhiteSpace(request.OnlineUrl))
            errors["location"] = ["Give a location, an online link, or both."];
        if (request.Location is { Length: > 500 }) errors["location"] = ["At most 500 characters."];
        if (!string.IsNullOrWhiteSpace(request.OnlineUrl) && !(Uri.TryCreate(request.OnlineUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            errors["onlineUrl"] = ["The online link must be an absolute http(s) URL."];
        var agenda = request.Agenda ?? [];
        for (var i = 0; i < agenda.Count; i++)
        {
            if (agenda[i].Topic is null || !Topics.Codes.Contains(agenda[i].Topic!)) errors[$"agenda[{i}].topic"] = [$"Unknown topic; use one of: {string.Join(", ", Topics.Codes)}."];
            if (string.IsNullOrWhiteSpace(agenda[i].Title)) errors[$"agenda[{i}].title"] = ["Each agenda item needs a title."];
        }
        if (errors.Count > 0) return new ScheduleOutcome(null, InvalidFields: errors);

        var inviteeIds = (request.InviteeContactIds ?? []).Distinct().ToList();
        var institutionIds = agenda.Where(a => a.PresenterInstitutionId is not null).Select(a => a.PresenterInstitutionId!.Value).Append(request.HostInstitutionId!.Value).Distinct().ToList();
        var knownInstitutions = await db.Institutions.Where(i => institutionIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var knownContacts = await db.Contacts.Where(c => inviteeIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var unknown = new Dictionary<string, string[]>();
        if (!knownInstitutions.Contains(request.HostInstitutionId.Value)) unknown["hostInstitutionId"] = ["No institution has this id."];
        for (var i = 0; i < agenda.Count; i++)
            if (agenda[i].PresenterInstitutionId is { } presenter && !knownInstitutions.Contains(presenter)) unknown[$"agenda[{i}].presenterInstitutionId"] = ["No institution has this id."];
        var missing = inviteeIds.Except(knownContacts).ToList();
        if (missing.Count > 0) unknown["inviteeContactIds"] = [$"No contact has the id(s) {string.Join(", ", missing)}."];
        if (unknown.Count > 0) return new ScheduleOutcome(null, UnknownReferences: unknown);

        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            Kind = request.Kind!,
            District = request.District,
            HostInstitutionId = request.HostInstitutionId.Value,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = endsAt.ToUniversalTime(),
            Location = string.IsNullOrWhiteSpace(request.Location) ? null : request.Location.Trim(),
            OnlineUrl = string.IsNullOrWhiteSpace(request.OnlineUrl) ? null : request.OnlineUrl.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Agenda = agenda.Select((a, i) => new AgendaItem { Position = i + 1, Topic = a.Topic!, Title = a.Title!.Trim(), PresenterInstitutionId = a.PresenterInstitutionId }).ToList(),
            Invitees = inviteeIds.Select(id => new Invitee { ContactId = id }).ToList(),
        };
        await CarryOpenActionItemsAsync(meeting, cancellationToken);

        db.Meetings.Add(meeting);
        db.PublishOnCommit(new MeetingScheduled
        {
            Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
            Invitees = await snapshots.InvitationsAsync(meeting, null, cancellationToken),
        }, meeting.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new ScheduleOutcome(meeting);
    }

    /// <summary>
    /// Decisions stick: what the district still owes comes back on its next agenda until it is closed. A city-wide
    /// meeting carries the city-wide items (district null), so those never land on a district's agenda.
    /// </summary>
    private async Task CarryOpenActionItemsAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var open = await db.ActionItems.AsNoTracking()
            .Where(a => a.District == meeting.District && a.Status == ActionItemStatuses.Open)
            .OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        var owners = await db.Institutions.AsNoTracking().Where(i => open.Select(a => a.OwnerInstitutionId).Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        foreach (var item in open)
        {
            var title = $"Follow-up: {item.Description} ({owners.GetValueOrDefault(item.OwnerInstitutionId)}, due {item.DueOn:yyyy-MM-dd})";
            meeting.Agenda.Add(new AgendaItem
            {
                Position = meeting.Agenda.Count + 1,
                Topic = "other",
                Title = title.Length > Validation.TitleMaxLength ? title[..(Validation.TitleMaxLength - 1)] + "…" : title,
                PresenterInstitutionId = item.OwnerInstitutionId,
                FollowsUpActionItemId = item.Id,
            });
        }
    }
}
