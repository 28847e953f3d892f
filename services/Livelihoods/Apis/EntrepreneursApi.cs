using System.Net.Mail;

namespace Platform.Livelihoods.Apis;

/// <summary>Women in the programme: registration (and placement), details (audited), enrolment, withdrawal, graduation.</summary>
public static class EntrepreneursApi
{
    public static IEndpointRouteBuilder MapEntrepreneursApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/entrepreneurs").WithTags("Entrepreneurs");
        api.MapPost("/", Register).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("RegisterEntrepreneur").WithSummary("Register a woman; with cohortId and workshopId she is enrolled, or waits when the workshop is full")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("ListEntrepreneurs").WithSummary("Women of a cohort or district by status (reference codes, no personal data); paged")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("GetEntrepreneur").WithSummary("A woman's details (every read is audited); 404 outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/audit", Audit).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("ListEntrepreneurAudit").WithSummary("Who read or changed her data, when and for which partner, newest first; paged; 404 outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/enrol", Enrol).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("EnrolEntrepreneur").WithSummary("Place an applicant in a workshop (waiting list when full)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("WithdrawEntrepreneur").WithSummary("She leaves the programme, with a reason; her place goes to the longest waiting")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/graduate", Graduate).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("GraduateEntrepreneur").WithSummary("She completed the programme")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>What the entrepreneur routes work with, bound once per request.</summary>
    public sealed record Services(ClaimsPrincipal User, LivelihoodsDbContext Db, PersonalDataProtector Protector, AuditTrail Audit, Placement Placement, TimeProvider Clock,
        CancellationToken CancellationToken)
    {
        public Partner Partner => Partner.From(User);
    }

    public sealed record RegisterRequest(string? FullName, string? District, string? Phone, string? Email, string? Language, List<string>? Skills, Guid? CohortId, Guid? WorkshopId);
    public sealed record PlaceRequest(Guid? CohortId, Guid? WorkshopId);
    public sealed record WithdrawRequest(string? Reason);
    public sealed record Summary(Guid Id, string ReferenceCode, string District, string Status, Guid? CohortId, Guid? WorkshopId, string Language, DateOnly? FirstSaleOn, DateOnly? LicenceGrantedOn)
    {
        public static Summary From(Entrepreneur e) => new(e.Id, e.ReferenceCode, e.District, e.Status, e.CohortId, e.WorkshopId, e.Language, e.FirstSaleOn, e.LicenceGrantedOn);
    }
    public sealed record Details(Summary Entrepreneur, string FullName, string? Phone, string? Email, IReadOnlyList<string> Skills, string? WithdrawalReason, string? ReferralCode);

    public static async Task<Results<Created<Summary>, ValidationProblem, ProblemHttpResult>> Register(RegisterRequest request, [AsParameters] Services services)
    {
        var (db, audit, cancellationToken) = (services.Db, services.Audit, services.CancellationToken);
        var check = new Validation();
        check.Required("fullName", request.FullName);
        check.District("district", request.District);
        if (request.Phone is { } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-'))) check.Add("phone", "phone holds digits, spaces, '+' and '-' (at most 20).");
        if (request.Email is { } email && !MailAddress.TryCreate(email, out _)) check.Add("email", "email is not an email address.");
        check.OneOf("language", request.Language, Languages.All);
        if ((request.CohortId is null) != (request.WorkshopId is null)) check.Add("workshopId", "Give cohortId and workshopId together, or neither (an applicant).");
        if (check.Failed) return check.Problem();
        var partner = services.Partner;
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);

        var id = Guid.CreateVersion7();
        var entrepreneur = new Entrepreneur
        {
            Id = id, ReferenceCode = ReferenceCodes.New("ENT"), District = request.District!, Language = request.Language!, Skills = request.Skills ?? [],
            SealedDetails = services.Protector.Seal(new EntrepreneurDetails(request.FullName!.Trim(), request.Phone?.Trim(), request.Email?.Trim()), Entrepreneur.Context(id)),
            HasEmail = request.Email is not null, RegisteredBy = partner.ClientId, RegisteredAt = services.Clock.GetUtcNow(),
        };
        db.Entrepreneurs.Add(entrepreneur);
        audit.Record(partner, id, "create", "entrepreneur");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.CohortId is { } cohortId && await PlaceAsync(services, entrepreneur, cohortId, request.WorkshopId!.Value) is { } problem) return problem;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/entrepreneurs/{id}", Summary.From(entrepreneur));
    }

    public static async Task<Results<Ok<Page<Summary>>, ValidationProblem, ProblemHttpResult>> List(
        Guid? cohortId, string? district, string? status, int? page, int? pageSize, [AsParameters] Services services)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        check.OneOf("status", status, EntrepreneurStatuses.All, required: false);
        if (district is not null) check.District("district", district);
        if (check.Failed) return check.Problem();
        var partner = services.Partner;
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        // Summaries only: nothing sealed is opened here, so there is nothing to audit.
        var query = services.Db.Entrepreneurs.AsNoTracking();
        if (!partner.ActsInAllDistricts) { var granted = partner.Districts.ToList(); query = query.Where(e => granted.Contains(e.District)); }
        if (district is not null) query = query.Where(e => e.District == district);
        if (cohortId is not null) query = query.Where(e => e.CohortId == cohortId);
        if (status is not null) query = query.Where(e => e.Status == status);
        var total = await query.CountAsync(services.CancellationToken);
        var items = await query.OrderBy(e => e.RegisteredAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(services.CancellationToken);
        return TypedResults.Ok(new Page<Summary>(items.Select(Summary.From).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<Details>, ProblemHttpResult>> Get(Guid id, [AsParameters] Services services)
    {
        var partner = services.Partner;
        var entrepreneur = await services.Db.Entrepreneurs.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, services.CancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return NotVisible.Problem("entrepreneur");
        await services.Audit.ReadAsync(partner, id, "entrepreneur", id, services.CancellationToken);
        var details = services.Protector.Open<EntrepreneurDetails>(entrepreneur.SealedDetails, Entrepreneur.Context(id));
        return TypedResults.Ok(new Details(Summary.From(entrepreneur), details.FullName, details.Phone, details.Email, entrepreneur.Skills, entrepreneur.WithdrawalReason, entrepreneur.ReferralCode));
    }

    /// <summary>Her audit log (the shape of the cases audit): reads, changes and shares of her data.</summary>
    public static async Task<Results<Ok<Page<AuditResponse>>, ValidationProblem, ProblemHttpResult>> Audit(Guid id, int? page, int? pageSize, [AsParameters] Services services)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        if (check.Failed) return check.Problem();
        var district = await services.Db.Entrepreneurs.Where(e => e.Id == id).Select(e => e.District).SingleOrDefaultAsync(services.CancellationToken);
        if (district is null || !services.Partner.MayActIn(district)) return NotVisible.Problem("entrepreneur");
        return TypedResults.Ok(await services.Audit.PageAsync(id, paging, services.CancellationToken));
    }

    public static async Task<Results<Ok<Summary>, ValidationProblem, ProblemHttpResult>> Enrol(Guid id, PlaceRequest request, [AsParameters] Services services)
    {
        var check = new Validation();
        if (request.CohortId is null || request.WorkshopId is null) check.Add("workshopId", "cohortId and workshopId are required.");
        if (check.Failed) return check.Problem();
        var (db, cancellationToken) = (services.Db, services.CancellationToken);
        var partner = services.Partner;
        var entrepreneur = await db.Entrepreneurs.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return NotVisible.Problem("entrepreneur");
        if (entrepreneur.Status is not (EntrepreneurStatuses.Applicant or EntrepreneurStatuses.Waiting))
            return TypedResults.Problem(statusCode: 409, title: "Not an applicant", detail: $"She is {entrepreneur.Status}; only applicants and waiting women are placed.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await PlaceAsync(services, entrepreneur, request.CohortId!.Value, request.WorkshopId!.Value) is { } problem) return problem;
        services.Audit.Record(partner, id, "update", "entrepreneur");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(Summary.From(entrepreneur));
    }

    public static async Task<Results<Ok<Summary>, ValidationProblem, ProblemHttpResult>> Withdraw(Guid id, WithdrawRequest request, [AsParameters] Services services)
    {
        var check = new Validation();
        check.Required("reason", request.Reason, 500);
        if (check.Failed) return check.Problem();
        var (left, problem) = await LeaveAsync(id, EntrepreneurStatuses.Withdrawn, request.Reason!.Trim(), services);
        return problem is null ? TypedResults.Ok(left!) : problem;
    }

    public static async Task<Results<Ok<Summary>, ProblemHttpResult>> Graduate(Guid id, [AsParameters] Services services)
    {
        var (left, problem) = await LeaveAsync(id, EntrepreneurStatuses.Graduated, null, services);
        return problem is null ? TypedResults.Ok(left!) : problem;
    }

    /// <summary>She withdraws or graduates: her summary afterwards, or why not.</summary>
    private static async Task<(Summary? Left, ProblemHttpResult? Problem)> LeaveAsync(Guid id, string status, string? reason, Services services)
    {
        var (db, cancellationToken) = (services.Db, services.CancellationToken);
        var partner = services.Partner;
        var entrepreneur = await db.Entrepreneurs.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return (null, NotVisible.Problem("entrepreneur"));
        if (entrepreneur.Status is EntrepreneurStatuses.Withdrawn or EntrepreneurStatuses.Graduated)
            return (null, TypedResults.Problem(statusCode: 409, title: "Already left", detail: $"She is {entrepreneur.Status} already."));
        if (status == EntrepreneurStatuses.Graduated && entrepreneur.Status != EntrepreneurStatuses.Enrolled)
            return (null, TypedResults.Problem(statusCode: 409, title: "Not enrolled", detail: "Only an enrolled woman graduates."));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await services.Placement.LeaveAsync(entrepreneur, status, reason, cancellationToken);
        services.Audit.Record(partner, id, "update", "entrepreneur");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Summary.From(entrepreneur), null);
    }

    private static async Task<ProblemHttpResult?> PlaceAsync(Services services, Entrepreneur entrepreneur, Guid cohortId, Guid workshopId)
    {
        var cohort = await services.Db.Cohorts.Include(c => c.Workshops).SingleOrDefaultAsync(c => c.Id == cohortId, services.CancellationToken);
        if (cohort is null || !services.Partner.MayActIn(cohort.District))
            return TypedResults.Problem(statusCode: 422, title: "Unknown cohort", detail: "No cohort with this id in the districts you serve.");
        if (cohort.District != entrepreneur.District)
            return TypedResults.Problem(statusCode: 422, title: "Another district", detail: "A woman joins a cohort of her own district.");
        if (cohort.Workshops.SingleOrDefault(w => w.Id == workshopId) is not { } workshop)
            return TypedResults.Problem(statusCode: 422, title: "Unknown workshop", detail: "The workshop is not one of this cohort's.");
        await services.Placement.PlaceAsync(entrepreneur, cohort, workshop, services.CancellationToken);
        return null;
    }
}
