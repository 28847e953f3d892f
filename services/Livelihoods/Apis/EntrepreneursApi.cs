using System.Net.Mail;

namespace Platform.Livelihoods.Apis;

/// <summary>Women in the programme: registration (and placement), details (audited), enrolment, withdrawal, graduation.</summary>
public static class EntrepreneursApi
{
    public static IEndpointRouteBuilder MapEntrepreneursApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/entrepreneurs").WithTags("Entrepreneurs");
        api.MapPost("/", Register).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("RegisterEntrepreneur").WithSummary("Register a woman; with cohortId and workshopId she is enrolled, or waits when the workshop is full");
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("ListEntrepreneurs").WithSummary("Women of a cohort or district by status (reference codes, no personal data); paged");
        api.MapGet("/{id:guid}", Get).RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("GetEntrepreneur").WithSummary("A woman's details (every read is audited); 404 outside your districts");
        api.MapPost("/{id:guid}/enrol", Enrol).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("EnrolEntrepreneur").WithSummary("Place an applicant in a workshop (waiting list when full)");
        api.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("WithdrawEntrepreneur").WithSummary("She leaves the programme, with a reason; her place goes to the longest waiting");
        api.MapPost("/{id:guid}/graduate", Graduate).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("GraduateEntrepreneur").WithSummary("She completed the programme");
        return app;
    }

    public sealed record RegisterRequest(string? FullName, string? District, string? Phone, string? Email, string? Language, List<string>? Skills, Guid? CohortId, Guid? WorkshopId);
    public sealed record PlaceRequest(Guid? CohortId, Guid? WorkshopId);
    public sealed record WithdrawRequest(string? Reason);
    public sealed record Summary(Guid Id, string ReferenceCode, string District, string Status, Guid? CohortId, Guid? WorkshopId, string Language, DateOnly? FirstSaleOn, DateOnly? LicenceGrantedOn)
    {
        public static Summary From(Entrepreneur e) => new(e.Id, e.ReferenceCode, e.District, e.Status, e.CohortId, e.WorkshopId, e.Language, e.FirstSaleOn, e.LicenceGrantedOn);
    }
    public sealed record Details(Summary Entrepreneur, string FullName, string? Phone, string? Email, IReadOnlyList<string> Skills, string? WithdrawalReason, string? ReferralCode);

    public static async Task<IResult> Register(RegisterRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, PersonalDataProtector protector, AuditTrail audit,
        Placement placement, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new Validation();
        check.Required("fullName", request.FullName);
        check.District("district", request.District);
        if (request.Phone is { } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-'))) check.Add("phone", "phone holds digits, spaces, '+' and '-' (at most 20).");
        if (request.Email is { } email && !MailAddress.TryCreate(email, out _)) check.Add("email", "email is not an email address.");
        check.OneOf("language", request.Language, Languages.All);
        if ((request.CohortId is null) != (request.WorkshopId is null)) check.Add("workshopId", "Give cohortId and workshopId together, or neither (an applicant).");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);

        var id = Guid.CreateVersion7();
        var entrepreneur = new Entrepreneur
        {
            Id = id, ReferenceCode = ReferenceCodes.New("ENT"), District = request.District!, Language = request.Language!, Skills = request.Skills ?? [],
            SealedDetails = protector.Seal(new EntrepreneurDetails(request.FullName!.Trim(), request.Phone?.Trim(), request.Email?.Trim()), Entrepreneur.Context(id)),
            HasEmail = request.Email is not null, RegisteredBy = partner.ClientId, RegisteredAt = clock.GetUtcNow(),
        };
        db.Entrepreneurs.Add(entrepreneur);
        audit.Record(partner, id, "create", "entrepreneur");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.CohortId is { } cohortId && await PlaceAsync(db, placement, partner, entrepreneur, cohortId, request.WorkshopId!.Value, cancellationToken) is { } problem) return problem;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/entrepreneurs/{id}", Summary.From(entrepreneur));
    }

    public static async Task<IResult> List(Guid? cohortId, string? district, string? status, int? page, int? pageSize, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        check.OneOf("status", status, EntrepreneurStatuses.All, required: false);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        var query = db.Entrepreneurs.AsNoTracking();
        if (!partner.ActsInAllDistricts) { var granted = partner.Districts.ToList(); query = query.Where(e => granted.Contains(e.District)); }
        if (district is not null) query = query.Where(e => e.District == district);
        if (cohortId is not null) query = query.Where(e => e.CohortId == cohortId);
        if (status is not null) query = query.Where(e => e.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.RegisteredAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<Summary>(items.Select(Summary.From).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, PersonalDataProtector protector, AuditTrail audit, CancellationToken cancellationToken)
    {
        var partner = Partner.From(user);
        var entrepreneur = await db.Entrepreneurs.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return NotVisible.Problem("entrepreneur");
        await audit.ReadAsync(partner, id, "entrepreneur", id, cancellationToken);
        var details = protector.Open<EntrepreneurDetails>(entrepreneur.SealedDetails, Entrepreneur.Context(id));
        return TypedResults.Ok(new Details(Summary.From(entrepreneur), details.FullName, details.Phone, details.Email, entrepreneur.Skills, entrepreneur.WithdrawalReason, entrepreneur.ReferralCode));
    }

    public static async Task<IResult> Enrol(Guid id, PlaceRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, AuditTrail audit, Placement placement, CancellationToken cancellationToken)
    {
        if (request.CohortId is null || request.WorkshopId is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["workshopId"] = ["cohortId and workshopId are required."] });
        var partner = Partner.From(user);
        var entrepreneur = await db.Entrepreneurs.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return NotVisible.Problem("entrepreneur");
        if (entrepreneur.Status is not (EntrepreneurStatuses.Applicant or EntrepreneurStatuses.Waiting))
            return TypedResults.Problem(statusCode: 409, title: "Not an applicant", detail: $"She is {entrepreneur.Status}; only applicants and waiting women are placed.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await PlaceAsync(db, placement, partner, entrepreneur, request.CohortId.Value, request.WorkshopId.Value, cancellationToken) is { } problem) return problem;
        audit.Record(partner, id, "update", "entrepreneur");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(Summary.From(entrepreneur));
    }

    public static Task<IResult> Withdraw(Guid id, WithdrawRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, AuditTrail audit, Placement placement, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why she withdraws (at most 500 characters)."] }))
            : LeaveAsync(id, EntrepreneurStatuses.Withdrawn, request.Reason, user, db, audit, placement, cancellationToken);

    public static Task<IResult> Graduate(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, AuditTrail audit, Placement placement, CancellationToken cancellationToken) =>
        LeaveAsync(id, EntrepreneurStatuses.Graduated, null, user, db, audit, placement, cancellationToken);

    private static async Task<IResult> LeaveAsync(Guid id, string status, string? reason, ClaimsPrincipal user, LivelihoodsDbContext db, AuditTrail audit, Placement placement, CancellationToken cancellationToken)
    {
        var partner = Partner.From(user);
        var entrepreneur = await db.Entrepreneurs.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entrepreneur is null || !partner.MayActIn(entrepreneur.District)) return NotVisible.Problem("entrepreneur");
        if (entrepreneur.Status is EntrepreneurStatuses.Withdrawn or EntrepreneurStatuses.Graduated)
            return TypedResults.Problem(statusCode: 409, title: "Already left", detail: $"She is {entrepreneur.Status} already.");
        if (status == EntrepreneurStatuses.Graduated && entrepreneur.Status != EntrepreneurStatuses.Enrolled)
            return TypedResults.Problem(statusCode: 409, title: "Not enrolled", detail: "Only an enrolled woman graduates.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await placement.LeaveAsync(entrepreneur, status, reason, cancellationToken);
        audit.Record(partner, id, "update", "entrepreneur");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(Summary.From(entrepreneur));
    }

    private static async Task<IResult?> PlaceAsync(LivelihoodsDbContext db, Placement placement, Partner partner, Entrepreneur entrepreneur, Guid cohortId, Guid workshopId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.Include(c => c.Workshops).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null || !partner.MayActIn(cohort.District))
            return TypedResults.Problem(statusCode: 422, title: "Unknown cohort", detail: "No cohort with this id in the districts you serve.");
        if (cohort.District != entrepreneur.District)
            return TypedResults.Problem(statusCode: 422, title: "Another district", detail: "A woman joins a cohort of her own district.");
        if (cohort.Workshops.SingleOrDefault(w => w.Id == workshopId) is not { } workshop)
            return TypedResults.Problem(statusCode: 422, title: "Unknown workshop", detail: "The workshop is not one of this cohort's.");
        await placement.PlaceAsync(entrepreneur, cohort, workshop, cancellationToken);
        return null;
    }
}
