namespace Platform.Meetings.Apis;

/// <summary>Changes invitees must hear about: a new time or place, a cancellation, who is invited.</summary>
public static class MeetingChangesApi
{
    /// <summary>What every change of a meeting needs, whichever the change.</summary>
    public sealed record Changing(HttpContext Http, ClaimsPrincipal User, MeetingsDbContext Db, MeetingSnapshots Snapshots, TimeProvider Clock, CancellationToken CancellationToken);

    public static IEndpointRouteBuilder MapMeetingChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings/{id}").WithTags("Meetings").RequireAuthorization(PartnerScopes.MeetingsWrite);
        api.MapPost("/reschedule", Reschedule).WithName("RescheduleMeeting")
            .WithSummary("Move the meeting (If-Match honoured); invitees get the updated invitation")
            .ProducesChangeProblems();
        api.MapPost("/cancel", Cancel).WithName("CancelMeeting")
            .WithSummary("Cancel the meeting (If-Match honoured); invitees get a cancellation")
            .ProducesChangeProblems();
        api.MapPost("/invitees/{contactId}", AddInvitee).WithName("AddInvitee")
            .WithSummary("Invite one more focal point; they get the current invitation")
            .ProducesChangeProblems();
        api.MapDelete("/invitees/{contactId}", RemoveInvitee).WithName("RemoveInvitee")
            .WithSummary("Uninvite a focal point; they get a cancellation of their invitation only")
            .ProducesChangeProblems();
        return app;
    }

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(Guid id, RescheduleMeetingRequest request, [AsParameters] Changing changing) =>
        ChangeAsync(id, changing, async meeting =>
        {
            var (db, snapshots, cancellationToken) = (changing.Db, changing.Snapshots, changing.CancellationToken);
            var errors = new Dictionary<string, string[]>();
            MeetingHttp.ValidateTimes(request.StartsAt, request.EndsAt, errors, out var startsAt, out var endsAt);
            if (request.Location is { Length: > 500 }) errors["location"] = ["At most 500 characters."];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var (previousStart, previousEnd) = (meeting.StartsAt.ToIstanbul(), meeting.EndsAt.ToIstanbul());
            meeting.StartsAt = startsAt.ToUniversalTime();
            meeting.EndsAt = endsAt.ToUniversalTime();
            if (!string.IsNullOrWhiteSpace(request.Location)) meeting.Location = request.Location.Trim();
            meeting.Sequence++;
            db.PublishOnCommit(new MeetingRescheduled
            {
                Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
                Invitees = await snapshots.InvitationsAsync(meeting, null, cancellationToken),
                PreviousStartsAt = previousStart,
                PreviousEndsAt = previousEnd,
            }, meeting.Id);
            return null;
        });

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> Cancel(Guid id, CancelMeetingRequest? request, [AsParameters] Changing changing) =>
        ChangeAsync(id, changing, async meeting =>
        {
            var (db, snapshots, cancellationToken) = (changing.Db, changing.Snapshots, changing.CancellationToken);
            if (request?.Reason is { Length: > Validation.TextMaxLength })
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"At most {Validation.TextMaxLength} characters."] });
            meeting.Status = MeetingStatuses.Cancelled;
            meeting.CancellationReason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
            meeting.Sequence++;
            db.PublishOnCommit(new MeetingCancelled
            {
                Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
                Invitees = await snapshots.InvitationsAsync(meeting, null, cancellationToken),
                Reason = meeting.CancellationReason,
            }, meeting.Id);
            return null;
        });

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> AddInvitee(Guid id, Guid contactId, [AsParameters] Changing changing) =>
        ChangeAsync(id, changing, async meeting =>
        {
            var (db, snapshots, cancellationToken) = (changing.Db, changing.Snapshots, changing.CancellationToken);
            if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
                return TypedResults.Problem(statusCode: 404, title: "No such contact", detail: $"No focal point has the id {contactId}.");
            // Inviting someone already invited changes nothing and sends nothing (nothing to save: the current meeting is the answer).
            if (meeting.Invitees.Any(i => i.ContactId == contactId)) return null;
            var invitee = new Invitee { ContactId = contactId };
            meeting.Invitees.Add(invitee);
            db.PublishOnCommit(new InviteeAdded
            {
                Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
                Invitee = (await snapshots.InvitationsAsync(meeting, [invitee], cancellationToken)).Single(),
            }, meeting.Id);
            return null;
        });

    public static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> RemoveInvitee(Guid id, Guid contactId, [AsParameters] Changing changing) =>
        ChangeAsync(id, changing, async meeting =>
        {
            var (db, snapshots, cancellationToken) = (changing.Db, changing.Snapshots, changing.CancellationToken);
            var invitee = meeting.Invitees.SingleOrDefault(i => i.ContactId == contactId);
            if (invitee is null)
                return TypedResults.Problem(statusCode: 404, title: "Not invited", detail: $"{contactId} is not invited to this meeting.");
            var invitation = (await snapshots.InvitationsAsync(meeting, [invitee], cancellationToken)).Single();
            meeting.Invitees.Remove(invitee);
            db.PublishOnCommit(new InviteeRemoved { Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken), Invitee = invitation }, meeting.Id);
            return null;
        });

    /// <summary>
    /// The frame of every change: find the meeting, check the district and If-Match, refuse a cancelled
    /// meeting, apply <paramref name="change"/> (null = applied), and save state and event together; a
    /// concurrent change that slipped in after the read still ends in 412.
    /// </summary>
    internal static async Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(Guid id, Changing changing,
        Func<Meeting, Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>?>> change)
    {
        var (http, db, cancellationToken) = (changing.Http, changing.Db, changing.CancellationToken);
        if (!ETags.TryReadIfMatch(http.Request, out var expected)) return ETags.Malformed();
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return MeetingHttp.NotFound("meeting");
        var partner = Partner.From(changing.User);
        if (!partner.MayChange(meeting)) return DistrictProblems.NotGranted(partner, meeting.District);
        if (expected is not null && expected != meeting.Version) return ETags.Stale(meeting.Version);
        if (meeting.IsCancelled) return MeetingHttp.Cancelled(meeting);

        var refusal = await change(meeting);
        if (refusal is not null) return refusal;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.Version).SingleAsync(CancellationToken.None);
            return ETags.Stale(current);
        }
        return MeetingHttp.WithETag(TypedResults.Ok(MeetingResponse.From(meeting)), http, meeting);
    }

    /// <summary>For a change that needs no await: applied (save it and answer the meeting) or refused.</summary>
    internal static readonly Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>?> Applied = Task.FromResult<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>?>(null);

    internal static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>?> Refused(ProblemHttpResult refusal) => Task.FromResult<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>?>(refusal);

    /// <summary>What any change of a meeting can be refused with (400 comes with the validation problem).</summary>
    internal static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder route) => route
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
