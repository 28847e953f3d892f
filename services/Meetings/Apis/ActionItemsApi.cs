namespace Platform.Meetings.Apis;

/// <summary>The action items meetings agreed, followed until done.</summary>
public static class ActionItemsApi
{
    public sealed record ActionItemResponse(Guid Id, Guid MeetingId, string? District, string Description, Guid OwnerInstitutionId,
        DateOnly DueOn, string Status, DateTimeOffset? ClosedAt)
    {
        public static ActionItemResponse From(ActionItem a) => new(a.Id, a.MeetingId, a.District, a.Description, a.OwnerInstitutionId, a.DueOn, a.Status, a.ClosedAt);
    }

    public sealed record CloseActionItemRequest(string? Status);

    public static IEndpointRouteBuilder MapActionItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/action-items").WithTags("Action items");
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.MeetingsRead).WithName("ListActionItems")
            .WithSummary("Action items by district and status, earliest due first; paged")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPatch("/{id}", Close).RequireAuthorization(PartnerScopes.MeetingsWrite).WithName("CloseActionItem")
            .WithSummary("Close an action item as done or dropped (If-Match honoured)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Results<Ok<Page<ActionItemResponse>>, ValidationProblem, ProblemHttpResult>> List(string? district, string? status, int? page, int? pageSize, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (district is not null && !Districts.Codes.Contains(district)) errors["district"] = [$"'{district}' is not an Istanbul district code."];
        if (status is not null && status != ActionItemStatuses.Open && !ActionItemStatuses.Closing.Contains(status)) errors["status"] = ["The status is open, done or dropped."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);

        var query = db.ActionItems.AsNoTracking();
        if (!partner.ActsInAllDistricts)
        {
            var granted = partner.Districts.ToList();
            query = query.Where(a => a.District == null || granted.Contains(a.District));
        }
        if (district is not null) query = query.Where(a => a.District == district);
        if (status is not null) query = query.Where(a => a.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ActionItemResponse>(items.Select(ActionItemResponse.From).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<ActionItemResponse>, ValidationProblem, ProblemHttpResult>> Close(Guid id, CloseActionItemRequest request, HttpContext http, ClaimsPrincipal user,
        MeetingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Status is null || !ActionItemStatuses.Closing.Contains(request.Status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["The status is done or dropped."] });
        if (!ETags.TryReadIfMatch(http.Request, out var expected)) return ETags.Malformed();
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (item is null) return MeetingHttp.NotFound("action item");
        var partner = Partner.From(user);
        if (!partner.MayChange(item.District)) return DistrictProblems.NotGranted(partner, item.District);
        if (expected is not null && expected != item.Version) return ETags.Stale(item.Version);
        if (item.Status != ActionItemStatuses.Open)
            return TypedResults.Problem(statusCode: 409, title: "Already closed", detail: $"This action item is {item.Status} already.");
        item.Status = request.Status;
        item.ClosedAt = clock.GetUtcNow();
        db.PublishOnCommit(new ActionItemClosed
        {
            ActionItemId = item.Id, MeetingId = item.MeetingId, District = item.District, OwnerInstitutionId = item.OwnerInstitutionId,
            Status = item.Status, ClosedAt = item.ClosedAt.Value,
        }, item.Id);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException) { return ETags.Stale(await db.ActionItems.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(CancellationToken.None)); }
        http.Response.Headers.ETag = ETags.Of(item.Version);
        return TypedResults.Ok(ActionItemResponse.From(item));
    }
}
