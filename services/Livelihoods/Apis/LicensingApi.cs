namespace Platform.Livelihoods.Apis;

/// <summary>The business licence checklist of a woman, step by step in order, with the supporting municipality.</summary>
public static class LicensingApi
{
    public static IEndpointRouteBuilder MapLicensingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/entrepreneurs/{id}/licence").WithTags("Business licence").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", Get).RequireAuthorization(PartnerScopes.LivelihoodsRead).WithName("GetLicenceChecklist").WithSummary("Her checklist: each step done or open");
        api.MapPost("/steps", CompleteStep).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("CompleteLicenceStep")
            .WithSummary("application-filed, documents-submitted, inspection-passed, licence-granted (with number): in this order; the supporting institution is one of the directory")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public sealed record StepRequest(string? Step, DateOnly? CompletedOn, string? LicenceNumber, Guid? SupportingInstitutionId);
    public sealed record StepResponse(string Step, bool Done, DateOnly? CompletedOn, string? LicenceNumber, Guid? SupportingInstitutionId);

    public static async Task<Results<Ok<IReadOnlyList<StepResponse>>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        if (await LedgerApi.VisibleAsync(db, id, user, cancellationToken) is null) return NotVisible.Problem("entrepreneur");
        return TypedResults.Ok(await ChecklistAsync(db, id, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<StepResponse>>, ValidationProblem, ProblemHttpResult>> CompleteStep(Guid id, StepRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        check.OneOf("step", request.Step, LicenceSteps.InOrder);
        if (request.CompletedOn is null) check.Add("completedOn", "completedOn is required (yyyy-MM-dd).");
        if (request.Step == LicenceSteps.Granted) check.Required("licenceNumber", request.LicenceNumber, 60);
        else if (request.LicenceNumber is not null) check.Add("licenceNumber", "Only the granted licence has a number.");
        if (check.Failed) return check.Problem();
        if (await LedgerApi.VisibleAsync(db, id, user, cancellationToken) is not { } entrepreneur) return NotVisible.Problem("entrepreneur");

        var done = await db.LicenceSteps.Where(s => s.EntrepreneurId == id).ToListAsync(cancellationToken);
        var position = LicenceSteps.InOrder.ToList().IndexOf(request.Step!);
        if (done.Any(s => s.Step == request.Step)) return TypedResults.Problem(statusCode: 409, title: "Step done", detail: $"{request.Step} is done already.");
        if (LicenceSteps.InOrder.Take(position).FirstOrDefault(previous => done.All(s => s.Step != previous)) is { } missing)
            return TypedResults.Problem(statusCode: 409, title: "Out of order", detail: $"{missing} comes before {request.Step}.");
        if (done.Select(s => s.CompletedOn).DefaultIfEmpty(DateOnly.MinValue).Max() > request.CompletedOn)
            return TypedResults.Problem(statusCode: 409, title: "Out of order", detail: $"{request.Step} cannot be done before the step before it.");
        if (request.SupportingInstitutionId is { } supporter && !await db.KnowsInstitutionAsync(supporter, cancellationToken))
            return InstitutionReferences.Unknown("supportingInstitutionId");

        db.LicenceSteps.Add(new LicenceStep
        {
            Id = Guid.CreateVersion7(), EntrepreneurId = id, Step = request.Step!, CompletedOn = request.CompletedOn!.Value, LicenceNumber = request.LicenceNumber?.Trim(),
            SupportingInstitutionId = request.SupportingInstitutionId, RecordedBy = Partner.From(user).ClientId,
        });
        if (request.Step == LicenceSteps.Granted)
        {
            entrepreneur.LicenceGrantedOn = request.CompletedOn;
            db.PublishOnCommit(new LicenceGranted
            {
                EntrepreneurId = id, District = entrepreneur.District, LicenceNumber = request.LicenceNumber!.Trim(), GrantedOn = request.CompletedOn.Value,
                SupportingInstitutionId = request.SupportingInstitutionId,
            }, id);
            db.PublishOnCommit(new MilestoneReached { EntrepreneurId = id, District = entrepreneur.District, Milestone = "licence", ReachedOn = request.CompletedOn.Value }, id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ChecklistAsync(db, id, cancellationToken));
    }

    private static async Task<IReadOnlyList<StepResponse>> ChecklistAsync(LivelihoodsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var done = await db.LicenceSteps.AsNoTracking().Where(s => s.EntrepreneurId == id).ToDictionaryAsync(s => s.Step, cancellationToken);
        return LicenceSteps.InOrder.Select(step => done.TryGetValue(step, out var s)
            ? new StepResponse(step, true, s.CompletedOn, s.LicenceNumber, s.SupportingInstitutionId)
            : new StepResponse(step, false, null, null, null)).ToList();
    }
}
