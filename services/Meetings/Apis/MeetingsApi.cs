namespace Platform.Meetings.Apis;

/// <summary>Scheduling and reading meetings.</summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        api.MapPost("/", ScheduleMeeting).RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithName("ScheduleMeeting")
            .WithSummary("Schedule a meeting; invitees get invitations; the district's open action items join the agenda")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListMeetings).RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("ListMeetings").WithSummary("Meetings by district, kind and time window, soonest first; city-wide meetings are listed for every partner; paged")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id}", GetMeeting).RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("GetMeeting").WithSummary("One meeting, with its ETag")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<MeetingResponse>, ValidationProblem, ProblemHttpResult>> ScheduleMeeting(
        ScheduleMeetingRequest request, ClaimsPrincipal user, HttpContext http, MeetingsDbContext db, MeetingScheduling scheduling, CancellationToken cancellationToken)
    {
        var partner = Partner.From(user);
        if (request.District is not null && Districts.Codes.Contains(request.District) && !partner.MayActIn(request.District))
            return DistrictProblems.NotGranted(partner, request.District);
        // The city-wide platform's workshops are called by those who coordinate every district.
        if (request.Kind is not null && MeetingKinds.IsCityWide(request.Kind) && request.District is null && !partner.MayChange(null))
            return DistrictProblems.NotGranted(partner, null);
        var outcome = await scheduling.ScheduleAsync(request, cancellationToken);
        if (outcome.InvalidFields is not null) return TypedResults.ValidationProblem(outcome.InvalidFields);
        if (outcome.UnknownReferences is not null) return MeetingHttp.Unprocessable(outcome.UnknownReferences);
        var meeting = outcome.Meeting!;
        return MeetingHttp.WithETag(TypedResults.Created($"/api/v1/meetings/{meeting.Id}", MeetingResponse.From(meeting)), http, meeting);
    }

    public static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> GetMeeting(Guid id, ClaimsPrincipal user, HttpContext http, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return MeetingHttp.NotFound("meeting");
        var partner = Partner.From(user);
        if (!partner.MayRead(meeting)) return DistrictProblems.NotGranted(partner, meeting.District);
        return MeetingHttp.WithETag(TypedResults.Ok(MeetingResponse.From(meeting)), http, meeting);
    }

    /// <param name="district">Only this district's meetings (city-wide meetings have none and are left out).</param>
    /// <param name="kind">Only meetings of this kind, e.g. <c>platform-workshop</c> for the city-wide ones.</param>
    /// <param name="from">Meetings starting at or after this time (ISO 8601 with offset).</param>
    /// <param name="to">Meetings starting before this time (ISO 8601 with offset).</param>
    public static async Task<Results<Ok<Page<MeetingResponse>>, ValidationProblem, ProblemHttpResult>> ListMeetings(
        string? district, string? kind, string? from, string? to, int? page, int? pageSize, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (district is not null && !Districts.Codes.Contains(district)) errors["district"] = [$"'{district}' is not an Istanbul district code."];
        if (kind is not null && !MeetingKinds.All.Contains(kind)) errors["kind"] = [$"The kind must be one of: {string.Join(", ", MeetingKinds.All)}."];
        DateTimeOffset fromTime = default, toTime = default;
        if (from is not null && !MeetingHttp.TryParseTime(from, out fromTime)) errors["from"] = ["from must be an ISO 8601 time with its offset."];
        if (to is not null && !MeetingHttp.TryParseTime(to, out toTime)) errors["to"] = ["to must be an ISO 8601 time with its offset."];
        if (from is not null && to is not null && !errors.ContainsKey("from") && !errors.ContainsKey("to") && toTime <= fromTime)
            errors["to"] = ["to must be after from."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);

        var query = db.Meetings.AsNoTracking();
        if (!partner.ActsInAllDistricts)
        {
            var granted = partner.Districts.ToList();
            query = query.Where(m => m.District == null || granted.Contains(m.District));
        }
        if (district is not null) query = query.Where(m => m.District == district);
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        if (from is not null) query = query.Where(m => m.StartsAt >= fromTime.ToUniversalTime());
        if (to is not null) query = query.Where(m => m.StartsAt < toTime.ToUniversalTime());
        var total = await query.CountAsync(cancellationToken);
        var meetings = await query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MeetingResponse>(meetings.Select(MeetingResponse.From).ToList(), paging.Page, paging.PageSize, total));
    }
}
