namespace Platform.Meetings.Apis;

/// <summary>Changes invitees must hear about: a new time or place, a cancellation, who is invited.</summary>
public static class MeetingChangesApi
{
    public static IEndpointRouteBuilder MapMeetingChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings/{id:guid}").WithTags("Meetings").RequireAuthorization(PartnerScopes.MeetingsWrite);
        api.MapPost("/reschedule", Reschedule).WithName("RescheduleMeeting")
            .WithSummary("Move the meeting (If-Match honoured); invitees get the updated invitation")
            .Produces<MeetingResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        api.MapPost("/cancel", Cancel).WithName("CancelMeeting")
            .WithSummary("Cancel the meeting (If-Match honoured); invitees get a cancellation")
            .Produces<MeetingResponse>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        api.MapPost("/invitees/{contactId:guid}", AddInvitee).WithName("AddInvitee")
            .WithSummary("Invite one more focal point; they get the current invitation")
            .Produces<MeetingResponse>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        api.MapDelete("/invitees/{contactId:guid}", RemoveInvitee).WithName("RemoveInvitee")
            .WithSummary("Uninvite a focal point; they get a cancellation of their invitation only")
            .Produces<MeetingResponse>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        return app;
    }

    public static async Task<IResult> Reschedule(Guid id, RescheduleMeetingRequest request, HttpContext http, ClaimsPrincipal user,
        MeetingsDbContext db, MeetingSnapshots snapshots, CancellationToken cancellationToken) =>
        await ChangeAsync(id, http, user, db, async meeting =>
        {
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
        }, cancellationToken);

    public static async Task<IResult> Cancel(Guid id, CancelMeetingRequest? request, HttpContext http, ClaimsPrincipal user,
        MeetingsDbContext db, MeetingSnapshots snapshots, CancellationToken cancellationToken) =>
        await ChangeAsync(id, http, user, db, async meeting =>
        {
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
        }, cancellationToken);

    public static async Task<IResult> AddInvitee(Guid id, Guid contactId, HttpContext http, ClaimsPrincipal user,
        MeetingsDbContext db, MeetingSnapshots snapshots, CancellationToken cancellationToken) =>
        await ChangeAsync(id, http, user, db, async meeting =>
        {
            if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
                return TypedResults.Problem(statusCode: 404, title: "No such contact", detail: $"No focal point has the id {contactId}.");
            // Inviting someone already invited changes nothing and sends nothing.
            if (meeting.Invitees.Any(i => i.ContactId == contactId)) return Unchanged(http, meeting);
            var invitee = new Invitee { ContactId = contactId };
            meeting.Invitees.Add(invitee);
            db.PublishOnCommit(new InviteeAdded
            {
                Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken),
                Invitee = (await snapshots.InvitationsAsync(meeting, [invitee], cancellationToken)).Single(),
            }, meeting.Id);
            return null;
        }, cancellationToken);

    public static async Task<IResult> RemoveInvitee(Guid id, Guid contactId, HttpContext http, ClaimsPrincipal user,
        MeetingsDbContext db, MeetingSnapshots snapshots, CancellationToken cancellationToken) =>
        await ChangeAsync(id, http, user, db, async meeting =>
        {
            var invitee = meeting.Invitees.SingleOrDefault(i => i.ContactId == contactId);
            if (invitee is null)
                return TypedResults.Problem(statusCode: 404, title: "Not invited", detail: $"{contactId} is not invited to this meeting.");
            var invitation = (await snapshots.InvitationsAsync(meeting, [invitee], cancellationToken)).Single();
            meeting.Invitees.Remove(invitee);
            db.PublishOnCommit(new InviteeRemoved { Meeting = await snapshots.SnapshotAsync(meeting, cancellationToken), Invitee = invitation }, meeting.Id);
            return null;
        }, cancellationToken);

    /// <summary>
    /// The frame of every change: find the meeting, check the district and If-Match, refuse a cancelled
    /// meeting, apply <paramref name="change"/> (null = applied), and save state and event together; a
    /// concurrent change that slipped in after the read still ends in 412.
    /// </summary>
    internal static async Task<IResult> ChangeAsync(Guid id, HttpContext http, ClaimsPrincipal user, MeetingsDbContext db,
        Func<Meeting, Task<IResult?>> change, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected)) return ETags.Malformed();
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return TypedResults.NotFound();
        var partner = Partner.From(user);
        if (!partner.MayActIn(meeting.District)) return DistrictProblems.NotGranted(partner, meeting.District);
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

    private static IResult Unchanged(HttpContext http, Meeting meeting) =>
        MeetingHttp.WithETag(TypedResults.Ok(MeetingResponse.From(meeting)), http, meeting);
}
