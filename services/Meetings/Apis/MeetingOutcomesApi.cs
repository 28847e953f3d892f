namespace Platform.Meetings.Apis;

/// <summary>What happened at the meeting: who came, the minutes, and the action items agreed.</summary>
public static class MeetingOutcomesApi
{
    public sealed record AttendanceRequest(List<Guid>? AttendedContactIds);
    public sealed record ActionItemRequest(string? Description, Guid? OwnerInstitutionId, DateOnly? DueOn);
    public sealed record MinutesRequest(string? Summary, List<string>? Decisions, List<ActionItemRequest>? ActionItems);

    public static IEndpointRouteBuilder MapMeetingOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings/{id}").WithTags("Meetings").RequireAuthorization(PartnerScopes.MeetingsWrite);
        api.MapPut("/attendance", RecordAttendance).WithName("RecordAttendance")
            .WithSummary("Record who attended (every other invitee is marked absent)")
            .ProducesChangeProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/minutes", PublishMinutes).WithName("PublishMinutes")
            .WithSummary("Publish the minutes with decisions and action items; invitees are sent them")
            .ProducesChangeProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> RecordAttendance(Guid id, AttendanceRequest request, [AsParameters] MeetingChangesApi.Changing changing) =>
        MeetingChangesApi.ChangeAsync(id, changing, meeting =>
        {
            var attended = (request.AttendedContactIds ?? []).ToHashSet();
            var strangers = attended.Where(c => meeting.Invitees.All(i => i.ContactId != c)).ToList();
            if (strangers.Count > 0)
                return MeetingChangesApi.Refused(MeetingHttp.Unprocessable(new Dictionary<string, string[]>
                {
                    ["attendedContactIds"] = [$"Not invited to this meeting: {string.Join(", ", strangers)}."],
                }));
            // Recording the same attendance again changes nothing and tells nobody twice.
            if (meeting.Invitees.All(i => i.Attended == attended.Contains(i.ContactId))) return MeetingChangesApi.Applied;
            foreach (var invitee in meeting.Invitees) invitee.Attended = attended.Contains(invitee.ContactId);
            changing.Db.PublishOnCommit(new AttendanceRecorded
            {
                MeetingId = meeting.Id,
                District = meeting.District,
                AttendedContactIds = meeting.Invitees.Where(i => i.Attended == true).Select(i => i.ContactId).Order().ToList(),
                AbsentContactIds = meeting.Invitees.Where(i => i.Attended == false).Select(i => i.ContactId).Order().ToList(),
                RecordedAt = changing.Clock.GetUtcNow(),
            }, meeting.Id);
            return MeetingChangesApi.Applied;
        });

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> PublishMinutes(Guid id, MinutesRequest request, LinkSigner links, [AsParameters] MeetingChangesApi.Changing changing) =>
        MeetingChangesApi.ChangeAsync(id, changing, async meeting =>
        {
            var (db, snapshots, clock, cancellationToken) = (changing.Db, changing.Snapshots, changing.Clock, changing.CancellationToken);
            if (meeting.Minutes is not null)
                return TypedResults.Problem(statusCode: 409, title: "Minutes already published", detail: "The minutes of this meeting were published already.");
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Summary)) errors["summary"] = ["The minutes need a summary."];
            else if (request.Summary.Length > Validation.TextMaxLength) errors["summary"] = [$"At most {Validation.TextMaxLength} characters."];
            var decisions = request.Decisions ?? [];
            for (var i = 0; i < decisions.Count; i++)
                if (string.IsNullOrWhiteSpace(decisions[i]) || decisions[i].Length > Validation.TextMaxLength) errors[$"decisions[{i}]"] = ["Each decision is a non-empty text."];
            var items = request.ActionItems ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(items[i].Description)) errors[$"actionItems[{i}].description"] = ["Say what is to be done."];
                if (items[i].OwnerInstitutionId is null) errors[$"actionItems[{i}].ownerInstitutionId"] = ["Say which institution owns it."];
                if (items[i].DueOn is null) errors[$"actionItems[{i}].dueOn"] = ["A due date (yyyy-MM-dd) is required."];
            }
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var ownerIds = items.Select(a => a.OwnerInstitutionId!.Value).Distinct().ToList();
            var owners = await db.Institutions.AsNoTracking().Where(i => ownerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
            var unknown = new Dictionary<string, string[]>();
            for (var i = 0; i < items.Count; i++)
                if (!owners.ContainsKey(items[i].OwnerInstitutionId!.Value)) unknown[$"actionItems[{i}].ownerInstitutionId"] = ["No institution has this id."];
            if (unknown.Count > 0) return MeetingHttp.Unprocessable(unknown);

            var now = clock.GetUtcNow();
            meeting.Minutes = new Minutes { Summary = request.Summary!.Trim(), Decisions = decisions.Select(d => d.Trim()).ToList(), PublishedAt = now };
            meeting.Status = MeetingStatuses.Held;
            var created = items.Select(a => new ActionItem
            {
                Id = Guid.CreateVersion7(),
                MeetingId = meeting.Id,
                District = meeting.District,
                Description = a.Description!.Trim(),
                OwnerInstitutionId = a.OwnerInstitutionId!.Value,
                DueOn = a.DueOn!.Value,
                CreatedAt = now,
            }).ToList();
            db.ActionItems.AddRange(created);
            // The carried-over items this meeting discussed stay open until someone closes them.
            db.PublishOnCommit(new MinutesPublished
            {
                Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
                Invitees = await snapshots.InvitationsAsync(meeting, null, cancellationToken),
                Summary = meeting.Minutes.Summary,
                Decisions = meeting.Minutes.Decisions,
                ActionItems = created.Select(a => new ActionItemSummary
                {
                    ActionItemId = a.Id, Description = a.Description, OwnerInstitutionId = a.OwnerInstitutionId,
                    OwnerInstitutionName = owners[a.OwnerInstitutionId], DueOn = a.DueOn,
                }).ToList(),
                AttendedContactIds = meeting.Invitees.Where(i => i.Attended == true).Select(i => i.ContactId).ToList(),
                PublishedAt = now,
                Documents = await DocumentLinks.ForMinutesAsync(db, links, meeting.Id, now, cancellationToken),
            }, meeting.Id);
            return null;
        });
}
