using Platform.Security.OpenApi;

namespace Platform.Livelihoods.Apis;

/// <summary>Cohorts with their workshops, and each cohort's summary (JSON or CSV).</summary>
public static class CohortsApi
{
    public static IEndpointRouteBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cohorts").WithTags("Cohorts");
        api.MapPost("/", Create).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("CreateCohort").WithSummary("A cohort in a district with its kitchen, sewing or handicraft workshops, run with an institution of the directory")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("ListCohorts").WithSummary("Cohorts of your districts, newest first")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("GetCohort").WithSummary("A cohort with its workshops: places taken and women waiting")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/summary", Summary).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("CohortSummary").WithSummary("Enrolled, attendance, sales and income per woman per month, first sales, licences; ?format=csv for CSV")
            .ProducesTextToo("text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record WorkshopRequest(string? Kind, string? Name, int? Capacity, string? Location);
    public sealed record CreateRequest(string? Name, string? District, Guid? PartnerInstitutionId, DateOnly? StartsOn, DateOnly? EndsOn, List<WorkshopRequest>? Workshops);
    public sealed record WorkshopResponse(Guid Id, string Kind, string Name, int Capacity, string? Location, int Enrolled, int Waiting);
    public sealed record CohortResponse(Guid Id, string Name, string District, Guid PartnerInstitutionId, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<WorkshopResponse> Workshops);
    public sealed record SummaryResponse(Guid CohortId, string Name, string District, DateOnly From, DateOnly To, ProgrammeFigures.Figures Figures);

    public static async Task<Results<Created<CohortResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new Validation();
        check.Required("name", request.Name);
        check.District("district", request.District);
        if (request.PartnerInstitutionId is null) check.Add("partnerInstitutionId", "partnerInstitutionId is required (the municipality or institution running it).");
        if (request.StartsOn is null) check.Add("startsOn", "startsOn is required (yyyy-MM-dd).");
        if (request.EndsOn is null) check.Add("endsOn", "endsOn is required (yyyy-MM-dd).");
        else if (request.StartsOn is { } starts && request.EndsOn < starts) check.Add("endsOn", "endsOn is before startsOn.");
        if (request.Workshops is not { Count: > 0 }) check.Add("workshops", "A cohort has at least one workshop.");
        for (var i = 0; i < (request.Workshops?.Count ?? 0); i++)
        {
            var workshop = request.Workshops![i];
            if (workshop is null) { check.Add($"workshops[{i}]", "A workshop is an object with kind, name and capacity."); continue; }
            check.OneOf($"workshops[{i}].kind", workshop.Kind, WorkshopKinds.All);
            check.Required($"workshops[{i}].name", workshop.Name);
            if (workshop.Capacity is not (>= 1 and <= 500)) check.Add($"workshops[{i}].capacity", "capacity is between 1 and 500.");
            if (workshop.Location is { Length: > 300 }) check.Add($"workshops[{i}].location", "location is longer than 300 characters.");
        }
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);
        if (!await db.KnowsInstitutionAsync(request.PartnerInstitutionId!.Value, cancellationToken)) return InstitutionReferences.Unknown("partnerInstitutionId");

        var cohort = new Cohort
        {
            Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), District = request.District!, PartnerInstitutionId = request.PartnerInstitutionId!.Value,
            StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn!.Value, CreatedAt = clock.GetUtcNow(),
        };
        foreach (var workshop in request.Workshops!)
            cohort.Workshops.Add(new Workshop { Id = Guid.CreateVersion7(), CohortId = cohort.Id, Kind = workshop.Kind!, Name = workshop.Name!.Trim(), Capacity = workshop.Capacity!.Value, Location = workshop.Location });
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/cohorts/{cohort.Id}", await ResponseAsync(db, cohort, cancellationToken));
    }

    public static async Task<Results<Ok<List<CohortResponse>>, ValidationProblem, ProblemHttpResult>> List(string? district, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (district is not null) check.District("district", district);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        var query = db.Cohorts.AsNoTracking().Include(c => c.Workshops).AsQueryable();
        if (!partner.ActsInAllDistricts) { var granted = partner.Districts.ToList(); query = query.Where(c => granted.Contains(c.District)); }
        if (district is not null) query = query.Where(c => c.District == district);
        var cohorts = await query.OrderByDescending(c => c.StartsOn).Take(200).ToListAsync(cancellationToken);
        var responses = new List<CohortResponse>();
        foreach (var cohort in cohorts) responses.Add(await ResponseAsync(db, cohort, cancellationToken));
        return TypedResults.Ok(responses);
    }

    public static async Task<Results<Ok<CohortResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Workshops).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null || !Partner.From(user).MayActIn(cohort.District)) return NotVisible.Problem("cohort");
        return TypedResults.Ok(await ResponseAsync(db, cohort, cancellationToken));
    }

    public static async Task<Results<Ok<SummaryResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Summary(
        Guid id, DateOnly? from, DateOnly? to, string? format, [AsParameters] LivelihoodsReportsApi.ReportServices services)
    {
        var cohort = await services.Db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, services.CancellationToken);
        if (cohort is null || !Partner.From(services.User).MayActIn(cohort.District)) return NotVisible.Problem("cohort");
        var (start, end) = (from ?? cohort.StartsOn, to ?? cohort.EndsOn);
        var check = new Validation();
        check.Period(start, end);
        if (format is not (null or "json" or "csv")) check.Add("format", "format is json or csv.");
        if (check.Failed) return check.Problem();
        var result = await services.Figures.ComputeAsync(cohort.Id, null, start, end, services.CancellationToken);
        if (format == "csv") return TypedResults.Text(ProgrammeFigures.Csv(result), "text/csv; charset=utf-8");
        return TypedResults.Ok(new SummaryResponse(cohort.Id, cohort.Name, cohort.District, start, end, result));
    }

    private static async Task<CohortResponse> ResponseAsync(LivelihoodsDbContext db, Cohort cohort, CancellationToken cancellationToken)
    {
        var ids = cohort.Workshops.Select(w => w.Id).ToList();
        var counts = await db.Entrepreneurs.Where(e => e.WorkshopId != null && ids.Contains(e.WorkshopId.Value) && (e.Status == EntrepreneurStatuses.Enrolled || e.Status == EntrepreneurStatuses.Waiting))
            .GroupBy(e => new { e.WorkshopId, e.Status }).Select(g => new { g.Key.WorkshopId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        return new CohortResponse(cohort.Id, cohort.Name, cohort.District, cohort.PartnerInstitutionId, cohort.StartsOn, cohort.EndsOn,
            cohort.Workshops.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => new WorkshopResponse(w.Id, w.Kind, w.Name, w.Capacity, w.Location,
                counts.Where(c => c.WorkshopId == w.Id && c.Status == EntrepreneurStatuses.Enrolled).Sum(c => c.Count),
                counts.Where(c => c.WorkshopId == w.Id && c.Status == EntrepreneurStatuses.Waiting).Sum(c => c.Count))).ToList());
    }
}
